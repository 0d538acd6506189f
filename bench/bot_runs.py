"""Runs `bank.download_statements` N times in this process with Concord's runner, and prints the times.

    python -m bench.bot_runs PORTAL_URL --tenant bench-bots --runs 5 [--cold] [--concurrent]

Warm (the default): one BrowserPool for every run, as a worker keeps it (one Chromium, a fresh
context per run). `--cold`: a new pool, so a new Chromium, for every run. `--concurrent` starts all
runs at once (the memory pair's four runs, for four tenants, in one process). Politeness spacing is set to 0: the
baseline does not pace its runs either, and the figure is the run's own work.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
import time
from pathlib import Path

import typer


async def _runs(portal_url: str, tenants: list[str], runs: int, cold: bool, concurrent: bool, artifacts: Path) -> list[float]:
    from bots import BotRunner, BrowserPool, BrowserPoolConfig, PortalCredentials, RunnerConfig
    from bots.records import RunState
    from bots.run_limits import RunLimits, RunLimitsConfig
    from infra.portals import demo_accounts

    logins = [
        (account.tenant_slug, PortalCredentials(username=account.username, password=account.password, totp_seed=account.totp_seed))
        for account in demo_accounts(tenants) if account.portal == "bank"
    ]
    limits = RunLimits(RunLimitsConfig(runs_per_tenant=runs, runs_per_portal=runs, politeness_seconds=0))

    async def one(runner: BotRunner, number: int = 0) -> float:
        tenant, credentials = logins[number % len(logins)]
        started = time.perf_counter()
        run = runner.start("bank.download_statements", tenant_id=tenant, portal_url=portal_url, credentials=credentials, params={})
        outcome = await run.wait()
        if outcome.state is not RunState.SUCCEEDED:
            raise RuntimeError(f"run ended {outcome.state}: {outcome.error}")
        return time.perf_counter() - started

    async def with_pool(work):
        pool = BrowserPool(BrowserPoolConfig())
        runner = BotRunner(pool=pool, config=RunnerConfig(artifacts_dir=artifacts), limits=limits)
        try:
            return await work(runner)
        finally:
            await runner.shutdown()
            await pool.close()

    if cold:
        return [await with_pool(lambda runner, number=number: one(runner, number)) for number in range(runs)]

    async def warm(runner: BotRunner) -> list[float]:
        await one(runner)  # the pool's browser starts here, as it would at a worker's first run
        if concurrent:
            return list(await asyncio.gather(*(one(runner, number) for number in range(runs))))
        return [await one(runner, number) for number in range(runs)]

    return await with_pool(warm)


def main(
    portal_url: str,
    tenant: list[str] = typer.Option(..., help="Tenant slugs; runs take them in turn (each its own bank login)."),
    runs: int = typer.Option(5),
    cold: bool = typer.Option(False),
    concurrent: bool = typer.Option(False),
) -> None:
    with tempfile.TemporaryDirectory() as artifacts:
        seconds = asyncio.run(_runs(portal_url, tenant, runs, cold, concurrent, Path(artifacts)))
    print("BENCH_JSON " + json.dumps({"seconds": seconds}))


if __name__ == "__main__":
    typer.run(main)
