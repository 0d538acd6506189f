"""CRM: customers, contacts and interactions."""
