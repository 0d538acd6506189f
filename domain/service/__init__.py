"""Customer service: tickets with priority, status history, assignment and SLA due times."""
