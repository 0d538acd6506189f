"""The per-tenant encrypted secrets vault."""

from tenants.vault.crypto import SecretUndecryptable
from tenants.vault.service import SecretKind, VaultKeys, delete_secret, reseal_tenant_secrets, reveal_secret, secrets, set_secret

__all__ = [
    "SecretKind",
    "SecretUndecryptable",
    "VaultKeys",
    "delete_secret",
    "reseal_tenant_secrets",
    "reveal_secret",
    "secrets",
    "set_secret",
]
