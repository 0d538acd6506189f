"""Tenancy: tenants, principals, keys and tokens, scopes, the current-tenant context and scoped queries."""

from tenants.context import NoTenantSelected, current_tenant_id, peek_tenant_id, tenant_transaction
from tenants.errors import TenantError, TenantErrorCode
from tenants.ownership import TenantOwnedModel, create_owned, scoped
from tenants.permissions import Scope
from tenants.principals import Principal

__all__ = [
    "NoTenantSelected",
    "Principal",
    "Scope",
    "TenantError",
    "TenantErrorCode",
    "TenantOwnedModel",
    "create_owned",
    "current_tenant_id",
    "peek_tenant_id",
    "scoped",
    "tenant_transaction",
]
