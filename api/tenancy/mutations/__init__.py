"""Tenant administration mutations, one per module."""

import strawberry

from api.permissions import Requires
from api.tenancy.mutations.create_api_key import CreateApiKeyPayload, create_api_key
from api.tenancy.mutations.delete_secret import DeleteSecretPayload, delete_secret
from api.tenancy.mutations.grant_partner_scopes import GrantPartnerScopesPayload, grant_partner_scopes
from api.tenancy.mutations.revoke_api_key import RevokeApiKeyPayload, revoke_api_key
from api.tenancy.mutations.set_secret import SetSecretPayload, set_secret
from tenants.permissions import Scope


@strawberry.type
class TenancyMutation:
    create_api_key: CreateApiKeyPayload = strawberry.mutation(
        resolver=create_api_key, permission_classes=[Requires(Scope.KEYS_MANAGE)],
        description="Issue an API key; its secret is in this answer only.",
    )
    revoke_api_key: RevokeApiKeyPayload = strawberry.mutation(
        resolver=revoke_api_key, permission_classes=[Requires(Scope.KEYS_MANAGE)], description="Revoke an API key."
    )
    grant_partner_scopes: GrantPartnerScopesPayload = strawberry.mutation(
        resolver=grant_partner_scopes, permission_classes=[Requires(Scope.KEYS_MANAGE)],
        description="Set the scopes embedded partner apps' keys may have.",
    )
    set_secret: SetSecretPayload = strawberry.mutation(
        resolver=set_secret, permission_classes=[Requires(Scope.SECRETS_WRITE)],
        description="Store a secret in the tenant's vault (encrypted; never readable through the API).",
    )
    delete_secret: DeleteSecretPayload = strawberry.mutation(
        resolver=delete_secret, permission_classes=[Requires(Scope.SECRETS_WRITE)], description="Remove a secret."
    )
