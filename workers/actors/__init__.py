"""Every actor module, imported so the broker knows its actors before a worker starts."""
