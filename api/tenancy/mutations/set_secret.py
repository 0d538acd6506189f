"""setSecret"""

from __future__ import annotations

import strawberry

from api.context import Info
from api.errors import UserError, user_error
from api.tenancy.types import SecretView
from tenants import vault
from tenants.errors import TenantError


@strawberry.input
class SetSecretInput:
    name: str
    kind: str
    value: str = strawberry.field(description="Stored encrypted. No query or answer ever returns it.")


@strawberry.type
class SetSecretPayload:
    secret: SecretView | None
    user_errors: list[UserError]


async def set_secret(info: Info, input: SetSecretInput) -> SetSecretPayload:
    keys = vault.VaultKeys.from_settings(info.context.settings)
    try:
        secret = await vault.set_secret(keys=keys, name=input.name, kind=input.kind, value=input.value)
    except TenantError as error:
        return SetSecretPayload(secret=None, user_errors=[user_error(error)])
    return SetSecretPayload(secret=SecretView.from_model(secret), user_errors=[])
