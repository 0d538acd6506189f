"""What a client may learn from an unexpected error.

An error carrying an `extensions.code` (CodedError, a permission's error, a GraphQLError with a code)
was meant for the client and passes unchanged. A value a column refuses (Tortoise's field validation)
is the client's input: BAD_USER_INPUT with the validator's message. Any other is unexpected: it gets the code
INTERNAL_SERVER_ERROR and, outside development, the message "Internal server error" — no exception
text, no SQL, no stack trace. In development it keeps its message and gains `extensions.stacktrace`.
Strawberry has already logged the original, with its traceback, for the operators.
"""

from __future__ import annotations

import traceback
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from tortoise.exceptions import ValidationError as FieldValidationError

from api.errors import ErrorCode

INTERNAL_MESSAGE = "Internal server error"


class UnexpectedErrors(SchemaExtension):
    """Codes (and, with `mask`, masks) the unexpected errors of each operation's result."""

    def __init__(self, *, mask: bool) -> None:
        self.mask = mask

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            result.errors = [shaped(error, mask=self.mask) for error in result.errors]


def shaped(error: GraphQLError, *, mask: bool) -> GraphQLError:
    """`error` as the client may see it."""
    if (error.extensions or {}).get("code"):
        return error
    location = {"nodes": error.nodes, "source": error.source, "positions": error.positions, "path": error.path}
    if isinstance(error.original_error, FieldValidationError):
        # A value the column cannot hold (too long, out of range) came from the client's own input,
        # which the message quotes; it is the client's to fix, not ours.
        return GraphQLError(str(error.original_error), **location, extensions={"code": str(ErrorCode.BAD_USER_INPUT)})
    extensions: dict[str, object] = {"code": str(ErrorCode.INTERNAL_SERVER_ERROR)}
    if mask:
        return GraphQLError(INTERNAL_MESSAGE, **location, extensions=extensions)
    if error.original_error is not None:
        extensions["stacktrace"] = "".join(traceback.format_exception(error.original_error)).splitlines()
    return GraphQLError(error.message, **location, original_error=error.original_error, extensions=extensions)
