"""IT: the tenant's assets, who holds them, and IT support requests."""
