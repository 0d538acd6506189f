"""Tenant administration in the graph."""

from api.tenancy.mutations import TenancyMutation
from api.tenancy.queries import TenancyQuery
from api.tenancy.types import ApiKeyNode, AuditEntryNode

__all__ = ["ApiKeyNode", "AuditEntryNode", "TenancyMutation", "TenancyQuery"]
