"""CRM in the graph."""

from api.crm.mutations import CrmMutation
from api.crm.queries import CrmQuery
from api.crm.types import CustomerNode

__all__ = ["CrmMutation", "CrmQuery", "CustomerNode"]
