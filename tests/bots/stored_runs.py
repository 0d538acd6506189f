"""A database, a tenant with sandbox-portal logins in its vault, and an in-process worker, for persisted-run tests.

Everything runs on the session's event loop (where the browser pool lives): the database is opened
there, and the worker's async actors borrow that loop, as they borrow the server's in the demo.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest_asyncio
from strawberry import relay

from bots import BrowserPool, RunnerConfig
from bots.persisted import BotRuntime, PersistedRunConfig
from bots.run_limits import RunLimitsConfig
from domain.bots import service as bots_service
from domain.bots.models import BotRun
from infra.db import close_database, open_database
from infra.settings import Settings, load_settings
from tenants.context import tenant_transaction
from tenants.vault import VaultKeys, set_secret
from tests.bots.conftest import BOT_DURATIONS, TEST_RETRY, TEST_TIMEOUTS
from tests.bots.portal_server import PortalServer
from tests.conftest import TenantFixture, make_tenant
from workers.actors.bots import run_bot, use_bot_runtime
from workers.actors.events import publish_event
from workers.broker import build_broker
from workers.message_options import TENANT_ID
from domain.automation.events import NOTIFICATION_ONLY
from domain.outbox import service as outbox_service
from tenants import lifecycle
from workers.runtime import start_worker

FAST = PersistedRunConfig(
    lease_seconds=5, heartbeat_seconds=1, control_poll_seconds=0.2, watch_seconds_max=1, paused_retry_seconds=1
)


@dataclass
class StoredRuns:
    settings: Settings
    runtime: BotRuntime
    portals: PortalServer

    @property
    def keys(self) -> VaultKeys:
        return VaultKeys.from_settings(self.settings)

    async def tenant(self, portal_tenant: str, *, with_totp_seed: bool = True) -> TenantFixture:
        """A tenant whose vault holds `portal_tenant`'s sandbox logins and whose portals are the test server's."""
        tenant = await make_tenant(f"Bots {portal_tenant}")
        async with tenant_transaction(tenant.id):
            for portal in ("tax", "bank", "supplier"):
                account = self.portals.account(portal, portal_tenant)
                await set_secret(keys=self.keys, name=f"portal.{portal}.username", kind="other", value=account.username)
                await set_secret(keys=self.keys, name=f"portal.{portal}.password", kind="password", value=account.password)
                if account.totp_seed and with_totp_seed:
                    await set_secret(keys=self.keys, name=f"portal.{portal}.totp_seed", kind="totp_seed", value=account.totp_seed)
                await bots_service.configure_portal(portal=portal, base_url=self.portals.url(portal))
        return tenant

    async def run(self, tenant: TenantFixture, run_id: uuid.UUID) -> BotRun:
        async with tenant_transaction(tenant.id):
            run = await bots_service.get_run(run_id=run_id)
        assert run is not None
        return run

    async def until(self, tenant: TenantFixture, run_id: uuid.UUID, *statuses: str, timeout: float = 60) -> BotRun:
        deadline = time.monotonic() + timeout
        while True:
            run = await self.run(tenant, run_id)
            if run.status.value in statuses:
                return run
            if run.status.is_final or time.monotonic() > deadline:
                raise AssertionError(f"run {run_id} is {run.status} ({run.error_code}: {run.error_message}), not {statuses}")
            await asyncio.sleep(0.1)

    async def until_final(self, tenant: TenantFixture, run_id: uuid.UUID, timeout: float = 60) -> BotRun:
        return await self.until(tenant, run_id, "succeeded", "failed", "cancelled", timeout=timeout)


def statement_params(stored: StoredRuns, days: int = 30) -> dict:
    today = stored.portals.states["bank"].clock.today()
    return {"date_from": (today - timedelta(days=days)).isoformat(), "date_to": today.isoformat()}


def send_run(tenant: TenantFixture, run_id: uuid.UUID) -> None:
    """The message `bots.start_run` sends for a requested run (or a broker's redelivery of it)."""
    run_bot.send_with_options(args=(str(run_id),), **{TENANT_ID: str(tenant.id)})


def record(run: BotRun) -> None:
    """Keep a succeeded stored run's duration for the session's summary."""
    if run.status.value == "succeeded" and run.started_at and run.finished_at:
        BOT_DURATIONS[f"{run.bot} (persisted)"].append((run.finished_at - run.started_at).total_seconds())


def global_id(run_id: uuid.UUID) -> str:
    return relay.to_base64("BotRun", run_id)


def row_id(global_run_id: str) -> uuid.UUID:
    return uuid.UUID(relay.GlobalID.from_id(global_run_id).node_id)


@pytest_asyncio.fixture(loop_scope="session")
async def stored(test_database, pool: BrowserPool, portals: PortalServer, tmp_path: Path) -> AsyncIterator[StoredRuns]:
    settings = load_settings(
        database_url=test_database.url, migration_database_url=test_database.owner_url, broker_url="stub://",
        artifacts_dir=tmp_path / "artifacts",
    )
    await open_database(settings)
    runtime = BotRuntime.create(
        settings,
        pool=pool,
        runner_config=RunnerConfig(artifacts_dir=settings.artifacts_dir, timeouts=TEST_TIMEOUTS, retry=TEST_RETRY),
        limits_config=RunLimitsConfig(runs_per_tenant=4, runs_per_portal=8, politeness_seconds=0),
        config=FAST,
    )
    try:
        yield StoredRuns(settings=settings, runtime=runtime, portals=portals)
    finally:
        await runtime.close(close_pool=False)
        await close_database()


@dataclass
class Worker:
    broker: object

    async def relay(self) -> int:
        """What the outbox relay (workers.outbox_relay) does after a commit: publish each tenant's new events.

        Written out here because `workers.outbox_relay.relay_once` reaches `domain.outbox.pending_events`,
        which that package does not export yet.
        """
        published = 0
        for tenant_id in await lifecycle.active_tenant_ids():
            async with tenant_transaction(tenant_id):
                for event in await outbox_service.pending_events(limit=100):
                    if event.event_type not in NOTIFICATION_ONLY:
                        await asyncio.to_thread(publish_event, event)
                        published += 1
                    await outbox_service.mark_published(event=event)
        return published


@pytest_asyncio.fixture(loop_scope="session")
async def worker(stored: StoredRuns) -> AsyncIterator[Worker]:
    """An in-process worker with two threads, its bot runs on this loop with the session's browser pool."""
    broker = build_broker(stored.settings)
    use_bot_runtime(stored.runtime)
    runtime = start_worker(stored.settings, broker, threads=3, loop=asyncio.get_running_loop())
    try:
        yield Worker(broker=broker)
    finally:
        await asyncio.to_thread(runtime.stop)
        use_bot_runtime(None)


@pytest_asyncio.fixture(loop_scope="session")
async def relaying_worker(stored: StoredRuns) -> AsyncIterator[object]:
    """An in-process worker as `concord worker` runs one: with the outbox relay publishing every commit's events."""
    broker = build_broker(stored.settings)
    use_bot_runtime(stored.runtime)
    runtime = start_worker(stored.settings, broker, threads=3, loop=asyncio.get_running_loop(), relay=True, relay_interval=0.1)
    try:
        yield broker
    finally:
        await asyncio.to_thread(runtime.stop)
        use_bot_runtime(None)
