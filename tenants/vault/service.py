"""The tenant's secrets vault: values go in, names come out; only bots and workers read a value."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from tortoise.queryset import QuerySet

from infra.settings import Settings

from tenants.context import current_tenant_id
from tenants.errors import TenantError, TenantErrorCode
from tenants.models import Secret
from tenants.ownership import create_owned, scoped
from tenants.vault.crypto import SecretUndecryptable, key_id, seal, unseal

NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.:-]{0,119}$")


class SecretKind(StrEnum):
    PASSWORD = "password"
    TOTP_SEED = "totp_seed"
    SIGNING_KEY = "signing_key"
    API_TOKEN = "api_token"
    OTHER = "other"


KINDS = tuple(kind.value for kind in SecretKind)


@dataclass(frozen=True)
class VaultKeys:
    """The current secret key and the ones it replaced (still able to open old values)."""

    current: str
    previous: Sequence[str] = ()

    @classmethod
    def from_settings(cls, settings: Settings) -> VaultKeys:
        previous = settings.previous_secret_keys.get_secret_value().split(",")
        return cls(current=settings.secret_key.get_secret_value(), previous=[key.strip() for key in previous if key.strip()])

    def __repr__(self) -> str:  # keys must never reach a log line or a traceback
        return f"VaultKeys(current=<hidden>, previous=<{len(self.previous)} hidden>)"


async def set_secret(*, keys: VaultKeys, name: str, kind: str, value: str) -> Secret:
    """Store (or replace) a secret of the current tenant, encrypted."""
    if not NAME_PATTERN.match(name):
        raise TenantError(
            TenantErrorCode.INVALID_SECRET, "name must be 1-120 of a-z 0-9 _ . : - starting with a letter or digit", field="name"
        )
    if kind not in KINDS:
        raise TenantError(TenantErrorCode.INVALID_SECRET, f"kind must be one of {', '.join(KINDS)}", field="kind")
    if not value:
        raise TenantError(TenantErrorCode.INVALID_SECRET, "value must not be empty", field="value")
    ciphertext = seal(keys.current, tenant_id=current_tenant_id(), name=name, value=value)
    secret = await scoped(Secret).get_or_none(name=name)
    if secret is None:
        return await create_owned(Secret, name=name, kind=kind, ciphertext=ciphertext, key_version=key_id(keys.current))
    secret.kind, secret.ciphertext, secret.key_version = kind, ciphertext, key_id(keys.current)
    await secret.save(update_fields=["kind", "ciphertext", "key_version", "updated_at"])
    return secret


def secrets(*, kind: SecretKind | None = None, name_prefix: str | None = None) -> QuerySet[Secret]:
    """The current tenant's secrets by name (names and kinds; values stay sealed), optionally of one kind or under a name prefix."""
    query = scoped(Secret)
    if kind is not None:
        query = query.filter(kind=kind)
    if name_prefix:
        query = query.filter(name__startswith=name_prefix)
    return query.order_by("name", "id")


async def reveal_secret(*, keys: VaultKeys, name: str) -> str:
    """The plaintext of a secret, for a bot or worker acting for the current tenant. Never for the API."""
    secret = await scoped(Secret).get_or_none(name=name)
    if secret is None:
        raise TenantError(TenantErrorCode.NOT_FOUND, f"no secret named {name!r}", field="name")
    return _open(keys, secret)


async def delete_secret(*, name: str) -> bool:
    return await scoped(Secret).filter(name=name).delete() > 0


async def reseal_tenant_secrets(*, keys: VaultKeys) -> int:
    """Re-encrypt the current tenant's secrets that an older key sealed; returns how many."""
    current = key_id(keys.current)
    count = 0
    for secret in await scoped(Secret).exclude(key_version=current):
        value = _open(keys, secret)
        secret.ciphertext = seal(keys.current, tenant_id=secret.tenant_id, name=secret.name, value=value)
        secret.key_version = current
        await secret.save(update_fields=["ciphertext", "key_version", "updated_at"])
        count += 1
    return count


def _open(keys: VaultKeys, secret: Secret) -> str:
    for candidate in (keys.current, *keys.previous):
        if key_id(candidate) == secret.key_version:
            return unseal(candidate, tenant_id=secret.tenant_id, name=secret.name, ciphertext=secret.ciphertext)
    raise SecretUndecryptable(f"secret {secret.name!r} was sealed by a key that is no longer configured")
