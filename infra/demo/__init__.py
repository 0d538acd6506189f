"""The demo: two tenants with believable data, served by one process."""
