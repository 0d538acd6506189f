"""CRM in the graph."""

from api.crm.mutations import CrmMutation
from api.crm.queries import CrmQuery
from api.crm.types import ContactNode, CustomerNode, InteractionNode

NODE_TYPES = [CustomerNode, ContactNode, InteractionNode]

__all__ = ["NODE_TYPES", "CrmMutation", "CrmQuery", "CustomerNode"]
