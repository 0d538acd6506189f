"""Calling a tenant's webhook: the JSON body signed with HMAC-SHA256 under a signing key from its vault.

The receiver checks `Concord-Signature: t=<unix time>,v1=<hex>` where the hex digest is
HMAC-SHA256(key, "<unix time>." + body); the timestamp lets it refuse replays of old deliveries.

The target is checked against the webhook policy (domain/automation/webhook_targets.py) on every
send: the name is resolved once, every address it has is checked, and the request goes to exactly
the address checked, with the name as Host header, TLS SNI and certificate name, so a second lookup
(DNS rebinding) cannot switch the connection to an address inside. Redirects are not followed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any

import httpx

from domain.automation import webhook_targets
from domain.automation.errors import AutomationErrorCode
from domain.errors import DomainError
from infra.settings import Settings, get_settings
from tenants import vault
from tenants.errors import TenantError

TIMEOUT_SECONDS = 10.0
USER_AGENT = "Concord-Webhooks/1"
RESOLVER = webhook_targets.SystemResolver(timeout=TIMEOUT_SECONDS)


class WebhookNotDelivered(Exception):
    """The receiver answered with an error status, did not answer, or its name has no address now: the delivery is retried."""


class WebhookRedirected(DomainError):
    """The receiver answered with a redirect, which is not followed: the delivery fails for good (a retry would
    only be redirected again) until the tenant fixes the URL and re-drives the job."""

    def __init__(self, message: str) -> None:
        super().__init__(AutomationErrorCode.WEBHOOK_REDIRECTED, message, field="url")


def signature(key: str, *, timestamp: int, body: bytes) -> str:
    """The `Concord-Signature` header value for `body` sent at `timestamp`."""
    digest = hmac.new(key.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def encode_body(body: dict[str, Any]) -> bytes:
    return json.dumps(body, separators=(",", ":"), sort_keys=True).encode()


async def post_signed(
    *,
    url: str,
    secret_name: str,
    body: dict[str, Any],
    idempotency_key: str,
    settings: Settings | None = None,
    resolver: webhook_targets.Resolver | None = None,
) -> int:
    """POST `body` to `url` signed with the vault secret `secret_name`; returns the status (2xx only).

    Raises WebhookTargetRefused or WebhookRedirected (DomainErrors: the job fails at once) and
    WebhookNotDelivered (retried)."""
    settings = settings or get_settings()
    target = webhook_targets.parse_target(url, settings=settings)
    try:
        address = await webhook_targets.address_to_connect(target, resolver=resolver or RESOLVER)
    except webhook_targets.HostNotResolved as error:
        raise WebhookNotDelivered(f"{url}: {error}") from None
    try:
        key = await vault.reveal_secret(keys=vault.VaultKeys.from_settings(settings), name=secret_name)
    except TenantError:
        raise DomainError(AutomationErrorCode.INVALID_PARAMETER, f"the vault has no secret named {secret_name!r}", field="secret") from None
    payload = encode_body(body)
    headers = {
        "Host": target.host_header,
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "Idempotency-Key": idempotency_key,
        "Concord-Signature": signature(key, timestamp=int(time.time()), body=payload),
    }
    # The URL names the checked address, so nothing resolves the name again; over https the name
    # still goes out as SNI, and the certificate is verified against it.
    pinned = httpx.URL(scheme=target.scheme, host=str(address), port=target.port, raw_path=target.target.encode("ascii"))
    extensions = {"sni_hostname": target.host} if target.scheme == "https" and target.address is None else {}
    # No traceparent: the tenant's endpoint is outside our trace, like the portals.
    async with httpx.AsyncClient(timeout=TIMEOUT_SECONDS, follow_redirects=False) as client:
        try:
            response = await client.post(pinned, content=payload, headers=headers, extensions=extensions)
        except httpx.HTTPError as error:
            raise WebhookNotDelivered(f"{url}: {type(error).__name__}") from None
    if response.is_redirect or 300 <= response.status_code < 400:
        location = response.headers.get("Location", "")[:200]
        raise WebhookRedirected(f"{url} answered {response.status_code} (Location: {location or 'none'}); redirects are not followed")
    if not 200 <= response.status_code < 300:
        raise WebhookNotDelivered(f"{url} answered {response.status_code}")
    return response.status_code
