"""Worker middleware, one concern per module."""

from workers.middleware.tenant_context import TenantContext
from workers.middleware.tracing import MessageTracing

__all__ = ["MessageTracing", "TenantContext"]
