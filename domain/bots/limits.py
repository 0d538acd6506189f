"""Limits that hold across every worker: one live session per portal login, and a polite pace per portal host.

Both are single conditional UPDATEs, so they hold on PostgreSQL and SQLite alike without locks held
across a run: a session is a lease (renewed while the run lives, free once it ends or expires); the
pace is a compare-and-set on the time the next run may start on a host.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from domain import clock
from domain.bots.models import BotPortalPacing, BotPortalSession
from tenants.ownership import create_owned, scoped

PACING_ATTEMPTS = 20


async def take_session(*, portal: str, credential_key: str, run_id: uuid.UUID, lease_seconds: float) -> bool:
    """Hold the login's one session for `run_id`; False while another live run holds it."""
    now = clock.now()
    expires = now + timedelta(seconds=lease_seconds)
    free = Q(holder_run_id__isnull=True) | Q(expires_at__lt=now) | Q(holder_run_id=run_id)
    taken = await scoped(BotPortalSession).filter(portal=portal, credential_key=credential_key).filter(free).update(
        holder_run_id=run_id, expires_at=expires, updated_at=now
    )
    if taken:
        return True
    if await scoped(BotPortalSession).filter(portal=portal, credential_key=credential_key).exists():
        return False
    try:
        async with in_transaction():
            await create_owned(BotPortalSession, portal=portal, credential_key=credential_key, holder_run_id=run_id, expires_at=expires)
        return True
    except IntegrityError:  # another run created it first
        return False


async def renew_session(*, portal: str, credential_key: str, run_id: uuid.UUID, lease_seconds: float) -> bool:
    renewed = await scoped(BotPortalSession).filter(portal=portal, credential_key=credential_key, holder_run_id=run_id).update(
        expires_at=clock.now() + timedelta(seconds=lease_seconds)
    )
    return renewed == 1


async def release_session(*, portal: str, credential_key: str, run_id: uuid.UUID) -> None:
    await scoped(BotPortalSession).filter(portal=portal, credential_key=credential_key, holder_run_id=run_id).update(
        holder_run_id=None, expires_at=None, updated_at=clock.now()
    )


def pacing_key(origin: str) -> str:
    """The portal host, hashed: the table is shared by all tenants and must not say whose portal it is."""
    return hashlib.sha256(origin.lower().encode()).hexdigest()


async def reserve_start(*, origin: str, interval_seconds: float) -> datetime:
    """The time this run may start on `origin`: at least `interval_seconds` after the previous reservation."""
    key = pacing_key(origin)
    interval = timedelta(seconds=interval_seconds)
    for _ in range(PACING_ATTEMPTS):
        now = clock.now()
        row = await BotPortalPacing.get_or_none(id=key)
        if row is None:
            try:
                async with in_transaction():
                    await BotPortalPacing.create(id=key, next_start_at=now + interval)
                return now
            except IntegrityError:
                continue
        start = max(now, row.next_start_at)
        moved = await BotPortalPacing.filter(id=key, next_start_at=row.next_start_at).update(next_start_at=start + interval)
        if moved:
            return start
    return clock.now() + interval  # heavy contention: start after one more interval rather than never
