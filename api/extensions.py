"""Schema extensions that wrap each operation: its span, and the tenant's transaction."""

from __future__ import annotations

from collections.abc import AsyncIterator

from graphql import OperationDefinitionNode
from opentelemetry import trace
from strawberry.extensions import SchemaExtension

from tenants.context import tenant_transaction

tracer = trace.get_tracer("concord.api")


class OperationSpan(SchemaExtension):
    """One span per GraphQL operation, named `<type> <name>` as the GraphQL semantic conventions ask."""

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context
        operation_type = context.operation_type.value if context.operation_type else "query"
        name = context.operation_name or _first_operation_name(context) or ""
        span_name = f"{operation_type} {name}".strip()
        attributes = {"graphql.operation.type": operation_type}
        if name:
            attributes["graphql.operation.name"] = name
        principal = getattr(context.context, "principal", None)
        if principal is not None:
            attributes["tenant.id"] = str(principal.tenant_id)
        with tracer.start_as_current_span(span_name, attributes=attributes):
            yield


class TenantTransaction(SchemaExtension):
    """Run the whole operation in one transaction bound to the caller's tenant (RLS on PostgreSQL)."""

    async def on_execute(self) -> AsyncIterator[None]:
        principal = getattr(self.execution_context.context, "principal", None)
        if principal is None:
            yield
            return
        async with tenant_transaction(principal.tenant_id):
            yield


def _first_operation_name(context) -> str | None:
    document = context.graphql_document
    if document is None:
        return None
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode) and definition.name:
            return definition.name.value
    return None
