"""Vault encryption: authenticated, per tenant, bound to the secret's name."""

from __future__ import annotations

import uuid

import pytest

from tenants.vault.crypto import SecretUndecryptable, key_id, seal, unseal

KEY = "a-long-random-secret-key-for-tests"


def test_a_sealed_value_opens_with_the_same_key_tenant_and_name():
    tenant = uuid.uuid4()
    sealed = seal(KEY, tenant_id=tenant, name="bank.password", value="hunter2")

    assert "hunter2" not in sealed
    assert unseal(KEY, tenant_id=tenant, name="bank.password", ciphertext=sealed) == "hunter2"


@pytest.mark.parametrize("change", ["tenant", "name", "key"])
def test_a_value_does_not_open_for_another_tenant_name_or_key(change):
    tenant = uuid.uuid4()
    sealed = seal(KEY, tenant_id=tenant, name="bank.password", value="hunter2")
    arguments = {"tenant_id": tenant, "name": "bank.password", "ciphertext": sealed}
    key = KEY
    if change == "tenant":
        arguments["tenant_id"] = uuid.uuid4()
    elif change == "name":
        arguments["name"] = "tax.password"
    else:
        key = "another-key"

    with pytest.raises(SecretUndecryptable) as raised:
        unseal(key, **arguments)
    assert "hunter2" not in str(raised.value)


def test_key_ids_tell_keys_apart_without_revealing_them():
    assert key_id(KEY) == key_id(KEY)
    assert key_id(KEY) != key_id("another-key")
    assert KEY not in str(key_id(KEY))
