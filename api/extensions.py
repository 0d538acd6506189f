"""Schema extensions that wrap each operation: its span, and the tenant's transaction."""

from __future__ import annotations

from collections.abc import AsyncIterator

from graphql import FieldNode, ObjectValueNode, OperationDefinitionNode, VariableNode
from opentelemetry import trace
from strawberry.extensions import SchemaExtension

from tenants.audit import Outcome, record_audit
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
        context = self.execution_context
        principal = getattr(context.context, "principal", None)
        # A subscription lives for minutes: it opens a short transaction per read instead.
        if principal is None or (context.operation_type and context.operation_type.value == "subscription"):
            yield
            return
        async with tenant_transaction(principal.tenant_id):
            yield


class AuditMutations(SchemaExtension):
    """Record every top-level mutation in the tenant's audit log: who, what, on which ids, and the outcome.

    Runs inside the operation's transaction but outside each mutation's own savepoint, so a refused
    or failed mutation is still recorded. Input values are not logged (they may hold secrets), only
    the names of the input fields.
    """

    async def on_execute(self) -> AsyncIterator[None]:
        yield
        context = self.execution_context
        principal = getattr(context.context, "principal", None)
        if principal is None or context.operation_type is None or context.operation_type.value != "mutation":
            return
        # An @atomic document that was rolled back answers no data: its entries tell what each field answered.
        rollback = getattr(context.context, "atomic_rollback", None)
        result = rollback or context.result
        for field in _top_level_fields(context):
            outcome = _outcome(result, field)
            details: dict = {"input_fields": _input_field_names(field, context.variables or {})}
            if rollback is not None:
                details["rolled_back"] = True
                outcome = outcome if outcome is not Outcome.SUCCEEDED else Outcome.FAILED
            await record_audit(
                actor=principal.subject,
                action=field.name.value,
                outcome=outcome,
                target=None if rollback is not None else _target(result, field),
                details=details,
            )


def _top_level_fields(context) -> list[FieldNode]:
    document = context.graphql_document
    if document is None:
        return []
    fields: list[FieldNode] = []
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode) and (
            context.operation_name is None or (definition.name and definition.name.value == context.operation_name)
        ):
            fields.extend(s for s in definition.selection_set.selections if isinstance(s, FieldNode))
    return fields


def _payload(result, field: FieldNode) -> dict | None:
    key = field.alias.value if field.alias else field.name.value
    data = getattr(result, "data", None) or {}
    payload = data.get(key)
    return payload if isinstance(payload, dict) else None


def _outcome(result, field: FieldNode) -> Outcome:
    key = field.alias.value if field.alias else field.name.value
    errors = getattr(result, "errors", None) or []
    if any(error.path and error.path[0] == key for error in errors):
        codes = {(error.extensions or {}).get("code") for error in errors if error.path and error.path[0] == key}
        return Outcome.REJECTED if codes & {"FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT"} else Outcome.FAILED
    payload = _payload(result, field)
    if payload is None:
        return Outcome.FAILED
    return Outcome.REJECTED if payload.get("userErrors") else Outcome.SUCCEEDED


def _target(result, field: FieldNode) -> str | None:
    payload = _payload(result, field) or {}
    for value in payload.values():
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            return value["id"]
    return None


def _input_field_names(field: FieldNode, variables: dict) -> list[str]:
    names: set[str] = set()
    for argument in field.arguments:
        value = argument.value
        if isinstance(value, ObjectValueNode):
            names.update(item.name.value for item in value.fields)
        elif isinstance(value, VariableNode) and isinstance(variables.get(value.name.value), dict):
            names.update(variables[value.name.value])
        else:
            names.add(argument.name.value)
    return sorted(names)


def _first_operation_name(context) -> str | None:
    document = context.graphql_document
    if document is None:
        return None
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode) and definition.name:
            return definition.name.value
    return None
