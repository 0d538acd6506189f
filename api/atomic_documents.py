"""`mutation … @atomic`: a document whose mutations all take effect, or none of them does.

By default a document's mutations run one after another, as GraphQL's serial execution says, and
each keeps its own result: every mutation runs in its own savepoint, so one that is refused is undone
alone and the ones before it stay committed, their payloads in the answer. A client that needs
all-or-nothing marks the operation `@atomic`: when any of its mutations answers `userErrors` or an
error, every mutation of the document is rolled back and the answer carries no data, only the errors
and one `ATOMIC_ROLLBACK` error naming the refused fields (with their `userErrors`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import strawberry
from graphql import DirectiveLocation, FieldNode, GraphQLError, OperationDefinitionNode
from strawberry.extensions import SchemaExtension
from tortoise.transactions import in_transaction

from api.errors import CodedError, ErrorCode

ATOMIC = "atomic"


@strawberry.directive(
    name=ATOMIC,
    locations=[DirectiveLocation.MUTATION],
    description="Run the document's mutations all or none: if one is refused or fails, every one is rolled back.",
)
def atomic() -> None:
    """Declared for validation and introspection; AtomicDocuments acts on it, no field resolver does."""


@dataclass(frozen=True)
class AtomicRollback:
    """What an @atomic document answered before it was rolled back, for the audit log."""

    data: dict[str, Any] | None
    errors: list[GraphQLError]


class _Refused(Exception):
    """Raised inside the document's savepoint to undo it."""


class AtomicDocuments(SchemaExtension):
    """Wraps an `@atomic` mutation document in one savepoint of the operation's transaction.

    It must come after TenantTransaction (the savepoint lives inside the tenant's transaction) and after
    AuditMutations, so that the audit entries are written after the rollback and are kept.
    """

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context
        operation = _operation(context)
        if operation is None or operation.operation.value != "mutation" or not _is_atomic(operation):
            yield
            return
        try:
            async with in_transaction():
                yield
                if _refused_fields(context.result, operation):
                    raise _Refused
        except _Refused:
            _answer_rolled_back(context, operation)


def _operation(context) -> OperationDefinitionNode | None:
    document = context.graphql_document
    if document is None:
        return None
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if context.operation_name is None:
        return operations[0] if len(operations) == 1 else None
    return next((d for d in operations if d.name and d.name.value == context.operation_name), None)


def _is_atomic(operation: OperationDefinitionNode) -> bool:
    return any(directive.name.value == ATOMIC for directive in operation.directives or ())


def _keys(operation: OperationDefinitionNode) -> list[str]:
    fields = [s for s in operation.selection_set.selections if isinstance(s, FieldNode)]
    return [field.alias.value if field.alias else field.name.value for field in fields]


def _refused_fields(result, operation: OperationDefinitionNode) -> list[str]:
    """The top-level fields (by response key) that answered an error or userErrors."""
    data = (getattr(result, "data", None) or {}) if result is not None else {}
    errors = (getattr(result, "errors", None) or []) if result is not None else []
    with_errors = {error.path[0] for error in errors if error.path}
    refused = []
    for key in _keys(operation):
        payload = data.get(key)
        if key in with_errors or payload is None or (isinstance(payload, dict) and payload.get("userErrors")):
            refused.append(key)
    if errors and not with_errors:  # an error outside every field still refuses the document
        refused = refused or _keys(operation)
    return refused


def _answer_rolled_back(context, operation: OperationDefinitionNode) -> None:
    result = context.result
    data = result.data or {}
    refused = _refused_fields(result, operation)
    original_errors = list(result.errors or [])
    user_errors = {key: data[key]["userErrors"] for key in refused if isinstance(data.get(key), dict) and data[key].get("userErrors")}
    context.context.atomic_rollback = AtomicRollback(data=result.data, errors=original_errors)
    summary = CodedError(
        ErrorCode.ATOMIC_ROLLBACK,
        f"the @atomic document was rolled back, nothing of it was written: refused {', '.join(refused)}",
        extensions={"refused": refused, "userErrors": user_errors},
    )
    # Mutating the result in place: Strawberry answers with this object after the extensions end.
    result.data = None
    result.errors = [*original_errors, summary]
