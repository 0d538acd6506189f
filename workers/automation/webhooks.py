"""Calling a tenant's webhook: the JSON body signed with HMAC-SHA256 under a signing key from its vault.

The receiver checks `Concord-Signature: t=<unix time>,v1=<hex>` where the hex digest is
HMAC-SHA256(key, "<unix time>." + body); the timestamp lets it refuse replays of old deliveries.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any

import httpx

from domain.automation.errors import AutomationErrorCode
from domain.errors import DomainError
from infra.settings import get_settings
from tenants import vault
from tenants.errors import TenantError

TIMEOUT_SECONDS = 10.0
USER_AGENT = "Concord-Webhooks/1"


class WebhookRefused(Exception):
    """The receiver answered with an error status or did not answer: the delivery is retried."""


def signature(key: str, *, timestamp: int, body: bytes) -> str:
    """The `Concord-Signature` header value for `body` sent at `timestamp`."""
    digest = hmac.new(key.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def encode_body(body: dict[str, Any]) -> bytes:
    return json.dumps(body, separators=(",", ":"), sort_keys=True).encode()


async def post_signed(*, url: str, secret_name: str, body: dict[str, Any], idempotency_key: str) -> int:
    """POST `body` to `url` signed with the vault secret `secret_name`; returns the status (2xx only)."""
    try:
        key = await vault.reveal_secret(keys=vault.VaultKeys.from_settings(get_settings()), name=secret_name)
    except TenantError:
        raise DomainError(AutomationErrorCode.INVALID_PARAMETER, f"the vault has no secret named {secret_name!r}", field="secret") from None
    payload = encode_body(body)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "Idempotency-Key": idempotency_key,
        "Concord-Signature": signature(key, timestamp=int(time.time()), body=payload),
    }
    # No traceparent: the tenant's endpoint is outside our trace, like the portals.
    async with httpx.AsyncClient(timeout=TIMEOUT_SECONDS, follow_redirects=False) as client:
        try:
            response = await client.post(url, content=payload, headers=headers)
        except httpx.HTTPError as error:
            raise WebhookRefused(f"{url}: {type(error).__name__}") from None
    if not 200 <= response.status_code < 300:
        raise WebhookRefused(f"{url} answered {response.status_code}")
    return response.status_code
