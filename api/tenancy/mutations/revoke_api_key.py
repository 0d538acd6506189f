"""revokeApiKey"""

from __future__ import annotations

import strawberry

from api.context import Info
from api.errors import UserError, user_error
from api.node_ids import decode_global_id
from api.tenancy.types import ApiKeyNode
from tenants import keys as key_service
from tenants.errors import TenantError


@strawberry.input
class RevokeApiKeyInput:
    id: strawberry.ID


@strawberry.type
class RevokeApiKeyPayload:
    api_key: ApiKeyNode | None
    user_errors: list[UserError]


async def revoke_api_key(info: Info, input: RevokeApiKeyInput) -> RevokeApiKeyPayload:
    principal = info.context.require_principal()
    try:
        key = await key_service.revoke_api_key(
            revoked_by=principal, key_id=decode_global_id(input.id, expected_type="ApiKey")
        )
    except TenantError as error:
        return RevokeApiKeyPayload(api_key=None, user_errors=[user_error(error)])
    return RevokeApiKeyPayload(api_key=ApiKeyNode.from_model(key), user_errors=[])
