"""What a process that runs stored bot runs holds: one browser pool and one runner on its one event loop."""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass
from typing import Any

from bots.browser_pool import BrowserPool, BrowserPoolConfig
from bots.persisted.limits import DatabaseRunLimits
from bots.run_limits import RunLimitsConfig
from bots.runner import BotRunner, RunnerConfig
from tenants.vault import VaultKeys

UNSPECIFIED_HOSTS = ("0.0.0.0", "::", "")


@dataclass(frozen=True)
class PersistedRunConfig:
    lease_seconds: float = 60.0  # a worker that stops heartbeating loses its runs after this long
    heartbeat_seconds: float = 10.0
    control_poll_seconds: float = 1.0  # how soon a cancel or a person's answer reaches the run
    watch_seconds_max: float = 60.0  # between looks at a run another worker holds
    watch_limit: int = 1000  # looks at a held run before giving up on it (its lease would have expired long before)
    paused_retry_seconds: float = 60.0  # a run paused for a suspended tenant is sent again after this long


def server_url(settings: Any) -> str:
    """This Concord server's own address, for portals configured as a path on it (the demo's sandbox portals)."""
    host = "127.0.0.1" if settings.host in UNSPECIFIED_HOSTS else settings.host
    return f"http://{host}:{settings.port}"


class BotRuntime:
    """One per process: create it on the event loop that will run the bots, close it on the same loop."""

    def __init__(self, *, settings: Any, pool: BrowserPool, runner: BotRunner, config: PersistedRunConfig | None = None) -> None:
        self.settings = settings
        self.pool = pool
        self.runner = runner
        self.config = config or PersistedRunConfig()
        self.keys = VaultKeys.from_settings(settings)
        self.server_url = server_url(settings)
        self.process_id = f"{socket.gethostname()}:{os.getpid()}"

    @classmethod
    def create(
        cls,
        settings: Any,
        *,
        pool: BrowserPool | None = None,
        runner_config: RunnerConfig | None = None,
        limits_config: RunLimitsConfig | None = None,
        config: PersistedRunConfig | None = None,
    ) -> BotRuntime:
        pool = pool or BrowserPool(BrowserPoolConfig.from_settings(settings))
        runner = BotRunner(
            pool=pool,
            config=runner_config or RunnerConfig.from_settings(settings),
            limits=DatabaseRunLimits(limits_config),
        )
        return cls(settings=settings, pool=pool, runner=runner, config=config)

    def new_owner(self) -> str:
        """A lease owner name for one execution of one run: a redelivery in the same process is another owner."""
        return f"{self.process_id}:{uuid.uuid4().hex[:12]}"

    async def close(self, *, close_pool: bool = True) -> None:
        await self.runner.shutdown()
        if close_pool:
            await self.pool.close()
