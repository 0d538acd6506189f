"""The tenant's portals: where each is, and what its canary (a read-only dry run) last saw of its layout."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from domain import clock
from domain.bots import events
from domain.bots.errors import BotsErrorCode
from domain.bots.models import BotPortal, LayoutStatus
from domain.errors import DomainError
from domain.outbox import record_event
from tenants.ownership import create_owned, scoped

LAYOUT_CHANGED = "PORTAL_LAYOUT_CHANGED"


def check_base_url(base_url: str) -> str:
    """An absolute http(s) URL, or a path ("/portals/bank") on this Concord server, for its sandbox portals."""
    url = base_url.strip().rstrip("/")
    parts = urlsplit(url)
    if url.startswith("/") and not url.startswith("//"):
        return url
    if parts.scheme in ("http", "https") and parts.hostname and not parts.username and not parts.password:
        return url
    raise DomainError(BotsErrorCode.INVALID_PORTAL_URL, "base_url must be an http(s) URL without credentials, or a path", field="base_url")


def resolve_base_url(base_url: str, *, server_url: str) -> str:
    """The URL a browser opens: a path is taken relative to this server (`server_url`)."""
    return server_url.rstrip("/") + base_url if base_url.startswith("/") else base_url


async def configure_portal(*, portal: str, base_url: str) -> BotPortal:
    """Set where the tenant's `portal` is."""
    url = check_base_url(base_url)
    row = await get_portal(portal=portal)
    if row is None:
        try:
            async with in_transaction():
                return await create_owned(BotPortal, portal=portal, base_url=url)
        except IntegrityError:
            row = await scoped(BotPortal).get(portal=portal)
    row.base_url = url
    await row.save(update_fields=["base_url", "updated_at"])
    return row


async def get_portal(*, portal: str) -> BotPortal | None:
    return await scoped(BotPortal).get_or_none(portal=portal)


async def get_portal_or_raise(*, portal: str) -> BotPortal:
    row = await get_portal(portal=portal)
    if row is None:
        raise DomainError(BotsErrorCode.PORTAL_NOT_CONFIGURED, f"the tenant has no {portal} portal configured", field="bot")
    return row


def list_portals():
    return scoped(BotPortal).order_by("portal")


@dataclass(frozen=True)
class CanaryFinding:
    changed: bool
    missing: dict[str, list[str]] = field(default_factory=dict)  # page -> selectors the last good run saw, now gone


async def record_canary(
    *,
    portal: str,
    run_id: uuid.UUID,
    expected: dict[str, list[str]] | None,
    seen: dict[str, list[str]] | None,
    error_code: str | None = None,
    error_details: dict[str, Any] | None = None,
) -> CanaryFinding:
    """Compare a canary run with the last good one; elements gone means the layout changed: `bots.portal_changed`.

    Before any good run, the elements the page objects declare (`expected`) are the baseline. A
    canary that failed for another reason (the portal was down, the login refused) says nothing
    about the layout.
    """
    row = await get_portal_or_raise(portal=portal)
    row.canary_checked_at, row.canary_run_id = clock.now(), run_id
    missing: dict[str, list[str]] = {}
    if error_code == LAYOUT_CHANGED:
        details = error_details or {}
        missing = {str(details.get("page") or "page"): [str(details.get("selector") or "?")]}
    elif seen is not None:
        baseline = row.canary_baseline or expected or {}
        for page, selectors in baseline.items():
            if page not in seen:  # not reached this time (the canary stops at a login page that changed)
                continue
            gone = sorted(set(selectors) - set(seen[page]))
            if gone:
                missing[page] = gone
        if not missing:
            row.canary_baseline, row.layout_status = {**baseline, **seen}, LayoutStatus.OK
    if missing:
        row.layout_status = LayoutStatus.CHANGED
        await record_event(
            event_type=events.PORTAL_CHANGED,
            payload=events.portal_changed(portal=portal, run_id=run_id, missing=missing, error_code=error_code),
        )
    await row.save(update_fields=["canary_checked_at", "canary_run_id", "canary_baseline", "layout_status", "updated_at"])
    return CanaryFinding(changed=bool(missing), missing=missing)
