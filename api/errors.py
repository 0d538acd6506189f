"""How failures reach a client: typed `userErrors` for rule violations, `extensions.code` for the rest."""

from __future__ import annotations

from enum import StrEnum

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
    INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"


@strawberry.type
class UserError:
    """A business rule refused the input; `field` is the path of the input field it concerns."""

    field: list[str] | None
    message: str
    code: str


def user_error(error: DomainError | TenantError) -> UserError:
    path = ["input", *error.field.split(".")] if error.field else None
    return UserError(field=path, message=error.message, code=str(error.code))


class CodedError(GraphQLError):
    """A top-level GraphQL error that carries its `extensions.code`."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message, extensions={"code": str(code)})


def not_found(what: str = "node") -> CodedError:
    return CodedError(ErrorCode.NOT_FOUND, f"{what} not found")
