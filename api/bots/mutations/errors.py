"""userErrors of the bots mutations: a bot's params are named as the client sent them (snake_case)."""

from __future__ import annotations

from api.errors import UserError, user_error
from bots.errors import InvalidParams
from domain.errors import DomainError


def params_errors(error: InvalidParams) -> list[UserError]:
    """One userError per bad param, its path under input.params, its message naming it."""
    return [
        UserError(field=["input", "params", *name.split(".")], message=f"{name}: {problem}", code=error.code.value)
        for name, problem in error.details.get("errors", {}).items()
    ]


def bots_user_error(error: DomainError) -> UserError:
    if error.field and error.field.startswith("params"):
        return UserError(field=["input", *error.field.split(".")], message=error.message, code=str(error.code))
    return user_error(error)
