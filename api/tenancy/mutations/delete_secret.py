"""deleteSecret"""

from __future__ import annotations

import strawberry

from api.errors import UserError
from tenants import vault


@strawberry.input
class DeleteSecretInput:
    name: str


@strawberry.type
class DeleteSecretPayload:
    deleted: bool
    user_errors: list[UserError]


async def delete_secret(input: DeleteSecretInput) -> DeleteSecretPayload:
    deleted = await vault.delete_secret(name=input.name)
    errors = [] if deleted else [UserError(field=["input", "name"], message=f"no secret named {input.name!r}", code="NOT_FOUND")]
    return DeleteSecretPayload(deleted=deleted, user_errors=errors)
