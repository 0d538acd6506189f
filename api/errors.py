"""How failures reach a client: typed `userErrors` for rule violations, `extensions.code` for the rest."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import strawberry
from graphql import GraphQLError

from domain.errors import DomainError
from tenants.errors import TenantError


class ErrorCode(StrEnum):
    """Codes in `extensions.code` of top-level errors."""

    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    TENANT_SUSPENDED = "TENANT_SUSPENDED"
    NOT_FOUND = "NOT_FOUND"
    BAD_USER_INPUT = "BAD_USER_INPUT"
    GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
    OPERATION_RESOLUTION_FAILURE = "OPERATION_RESOLUTION_FAILURE"
    QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
    PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
    PERSISTED_QUERY_NOT_SUPPORTED = "PERSISTED_QUERY_NOT_SUPPORTED"
    PERSISTED_QUERY_HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH"
    BAD_REQUEST = "BAD_REQUEST"
    METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
    NOT_ACCEPTABLE = "NOT_ACCEPTABLE"
    UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE"
    REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE"
    TIMEOUT = "TIMEOUT"
    ATOMIC_ROLLBACK = "ATOMIC_ROLLBACK"
    INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"


@strawberry.type
class UserError:
    """A business rule refused the input; `field` is the path of the input field it concerns."""

    field: list[str] | None
    message: str
    code: str


def user_error(error: DomainError | TenantError) -> UserError:
    """The userError for a refused input; the domain's snake_case field path becomes the input's camelCase one."""
    path = ["input", *(_camel(part) for part in error.field.split("."))] if error.field else None
    return UserError(field=path, message=error.message, code=str(error.code))


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


class CodedError(GraphQLError):
    """A top-level GraphQL error that carries its `extensions.code` (and any further `extensions`)."""

    def __init__(self, code: ErrorCode, message: str, *, extensions: dict[str, Any] | None = None) -> None:
        super().__init__(message, extensions={"code": str(code), **(extensions or {})})


class RequestError(Exception):
    """A request answered with errors and no `data`, because it could not (or may not) be executed.

    `status` is set for failures of the HTTP request itself (405, 406, 413, 415, a malformed body), which
    get that status whatever the response media type; unset, the status follows the media type
    (see `api.http.status`).
    """

    def __init__(
        self,
        code: ErrorCode,
        message: str,
        *,
        status: int | None = None,
        headers: dict[str, str] | None = None,
        extensions: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.headers = headers or {}
        self.extensions = extensions or {}

    @property
    def formatted(self) -> dict[str, Any]:
        return {"message": self.message, "extensions": {"code": str(self.code), **self.extensions}}


def bad_argument(error: DomainError | TenantError, *, argument: str) -> CodedError:
    """A query argument the domain refused (a filter value it does not know): BAD_USER_INPUT naming its path."""
    path = [argument, *(_camel(part) for part in error.field.split("."))] if error.field else [argument]
    return CodedError(ErrorCode.BAD_USER_INPUT, f"{'.'.join(path)}: {error.message}", extensions={"field": path, "reason": str(error.code)})


def not_found(what: str = "node") -> CodedError:
    return CodedError(ErrorCode.NOT_FOUND, f"{what} not found")
