"""Codes for the errors GraphQL itself raises, given while the phase that raised them is known.

A parse error gets GRAPHQL_PARSE_FAILED (the token limit is enforced by the parser), a validation
error GRAPHQL_VALIDATION_FAILED (depth, aliases, introspection), and an error raised before any field
resolved — coercing the variables — BAD_USER_INPUT. An error that already has a code keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from api.errors import ErrorCode


class PhaseErrorCodes(SchemaExtension):
    def on_parse(self) -> Iterator[None]:
        yield
        give_code(self.execution_context.pre_execution_errors or (), ErrorCode.GRAPHQL_PARSE_FAILED)

    def on_validate(self) -> Iterator[None]:
        yield
        give_code(self.execution_context.pre_execution_errors or (), ErrorCode.GRAPHQL_VALIDATION_FAILED)

    def on_execute(self) -> Iterator[None]:
        yield
        errors = getattr(self.execution_context.result, "errors", None) or ()
        # Field errors always carry a path; errors without one were raised before execution began.
        give_code((error for error in errors if error.path is None), ErrorCode.BAD_USER_INPUT)


def give_code(errors: Iterable[GraphQLError], code: ErrorCode) -> None:
    """Set `extensions.code` on those of `errors` that have none."""
    for error in errors:
        if not (error.extensions or {}).get("code"):
            error.extensions = {**(error.extensions or {}), "code": str(code)}
