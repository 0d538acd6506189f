"""createApiKey"""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.context import Info
from api.errors import UserError, user_error
from api.tenancy.types import ApiKeyNode
from tenants import keys as key_service
from tenants.errors import TenantError, TenantErrorCode
from tenants.models import Role


@strawberry.input
class CreateApiKeyInput:
    name: str
    role: str = Role.READ_ONLY.value
    scopes: list[str] = strawberry.field(default_factory=lambda: ["*"])
    partner: bool = False
    expires_at: datetime | None = None


@strawberry.type
class CreateApiKeyPayload:
    api_key: ApiKeyNode | None
    secret: str | None = strawberry.field(description="The key to send as a bearer token. Shown only in this answer.")
    user_errors: list[UserError]


async def create_api_key(info: Info, input: CreateApiKeyInput) -> CreateApiKeyPayload:
    principal = info.context.require_principal()
    try:
        role = _role(input.role)
        key, plaintext = await key_service.mint_api_key(
            minter=principal, name=input.name, role=role, scopes=input.scopes, partner=input.partner, expires_at=input.expires_at
        )
    except TenantError as error:
        return CreateApiKeyPayload(api_key=None, secret=None, user_errors=[user_error(error)])
    return CreateApiKeyPayload(api_key=ApiKeyNode.from_model(key), secret=plaintext, user_errors=[])


def _role(value: str) -> Role:
    try:
        return Role(value)
    except ValueError:
        roles = ", ".join(role.value for role in Role)
        raise TenantError(TenantErrorCode.INVALID_SCOPE, f"role must be one of {roles}", field="role") from None
