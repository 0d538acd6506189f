"""Marketing: segments of customers, campaigns aimed at them, and how their contacts responded."""
