"""grantPartnerScopes"""

from __future__ import annotations

import strawberry

from api.context import Info
from api.errors import UserError, user_error
from tenants import lifecycle
from tenants.errors import TenantError


@strawberry.input
class GrantPartnerScopesInput:
    scopes: list[str]


@strawberry.type
class GrantPartnerScopesPayload:
    scopes: list[str]
    user_errors: list[UserError]


async def grant_partner_scopes(info: Info, input: GrantPartnerScopesInput) -> GrantPartnerScopesPayload:
    principal = info.context.require_principal()
    try:
        tenant = await lifecycle.grant_partner_scopes(granted_by=principal, scopes=input.scopes)
    except TenantError as error:
        return GrantPartnerScopesPayload(scopes=[], user_errors=[user_error(error)])
    return GrantPartnerScopesPayload(scopes=list(tenant.partner_scopes), user_errors=[])
