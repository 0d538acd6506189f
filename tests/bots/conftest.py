"""Fixtures for the bot tests: sandbox portals over real HTTP, one browser pool for the session, a runner per test.

Every async test here runs on the session's event loop (`pytestmark` in each module), because the
browser pool, like in production, belongs to one loop.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio

from bots import BotRunner, BrowserPool, BrowserPoolConfig, InMemoryRunObserver, RunnerConfig, RunOutcome, RunState
from bots.run_limits import RunLimits, RunLimitsConfig
from bots.run_policy import RetryPolicy, RunTimeouts
from infra.settings import load_settings
from tests.bots.portal_server import PortalServer, serve_portals

TENANTS = ["acme", "globex", "initech", "umbrella", "hooli"]
# Small numbers so that failures (timeouts, retries) are quick; the portals answer in milliseconds.
TEST_TIMEOUTS = RunTimeouts(run=60, step=20, input=10, action=5, navigation=5, element=1.0, download=10)
TEST_RETRY = RetryPolicy(attempts=3, first_delay=0.05, multiplier=2, max_delay=0.2, jitter=0)

# Durations of succeeded runs per bot across the session, for the summary printed at the end.
BOT_DURATIONS: dict[str, list[float]] = defaultdict(list)


def record_duration(bot_name: str, outcome: RunOutcome) -> None:
    if outcome.state is RunState.SUCCEEDED and outcome.duration_seconds is not None:
        BOT_DURATIONS[bot_name].append(outcome.duration_seconds)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not BOT_DURATIONS:
        return
    terminalreporter.section("bot run durations (succeeded runs, real Chromium against the sandbox portals)")
    for bot_name in sorted(BOT_DURATIONS):
        durations = BOT_DURATIONS[bot_name]
        terminalreporter.write_line(
            f"{bot_name:34} median {statistics.median(durations):6.2f} s over {len(durations)} run(s)"
            f" (min {min(durations):.2f} s, max {max(durations):.2f} s)"
        )


@pytest.fixture(scope="session")
def portals() -> Iterator[PortalServer]:
    # Payments stay pending (executed after 60 s) and orders move one status per look, as the README describes.
    with serve_portals(TENANTS) as server:
        yield server


@pytest.fixture(autouse=True)
def _normal_portals(request: pytest.FixtureRequest) -> Iterator[None]:
    """Each test starts and ends with every switch off."""
    if "portals" not in request.fixturenames:
        yield
        return
    server: PortalServer = request.getfixturevalue("portals")
    server.reset_switches()
    yield
    server.reset_switches()


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def pool() -> AsyncIterator[BrowserPool]:
    browser_pool = BrowserPool(BrowserPoolConfig.from_settings(load_settings()))
    yield browser_pool
    await browser_pool.close()


@pytest.fixture
def observer() -> InMemoryRunObserver:
    return InMemoryRunObserver()


@pytest.fixture
def artifacts_dir(tmp_path: Path) -> Path:
    return tmp_path / "artifacts"


@pytest_asyncio.fixture(loop_scope="session")
async def runner(pool: BrowserPool, observer: InMemoryRunObserver, artifacts_dir: Path) -> AsyncIterator[BotRunner]:
    bot_runner = make_runner(pool, observer, artifacts_dir)
    yield bot_runner
    await bot_runner.shutdown()


def make_runner(
    pool: BrowserPool,
    observer: InMemoryRunObserver,
    artifacts_dir: Path,
    *,
    retry: RetryPolicy = TEST_RETRY,
    **kwargs: object,
) -> BotRunner:
    config = RunnerConfig(artifacts_dir=artifacts_dir, timeouts=TEST_TIMEOUTS, retry=retry)
    limits = RunLimits(RunLimitsConfig(runs_per_tenant=4, runs_per_portal=8, politeness_seconds=0))
    return BotRunner(pool=pool, config=config, limits=limits, observers=[observer], **kwargs)  # type: ignore[arg-type]


async def run_bot(
    runner: BotRunner, portals: PortalServer, bot_name: str, *, tenant: str, params: dict, **kwargs: object
) -> RunOutcome:
    """Run a bot of the registry against the sandbox portal it belongs to, as `tenant`, and record its duration."""
    portal = bot_name.split(".")[0]
    credentials = kwargs.pop("credentials", None) or portals.credentials(portal, tenant)
    outcome = await runner.run(
        bot_name, tenant_id=tenant, portal_url=portals.url(portal), credentials=credentials, params=params, **kwargs
    )
    record_duration(bot_name, outcome)
    return outcome
