"""Run slots: per tenant, per portal, one session per credential, and politeness between starts."""

from __future__ import annotations

import asyncio
import itertools
import time

from bots.run_limits import RunLimits, RunLimitsConfig


async def hold(
    limits: RunLimits,
    log: list,
    name: str,
    *,
    tenant: str = "t1",
    portal: str = "bank",
    credential: str = "c1",
    seconds: float = 0.05,
):
    async with limits.slot(tenant_id=tenant, portal=portal, credential=credential):
        log.append(("start", name, time.monotonic()))
        await asyncio.sleep(seconds)
        log.append(("end", name, time.monotonic()))


def overlapping(log: list) -> int:
    """The most runs that held a slot at the same time."""
    live = most = 0
    for event, _, _ in sorted(log, key=lambda entry: (entry[2], entry[0] == "start")):
        live += 1 if event == "start" else -1
        most = max(most, live)
    return most


async def test_one_session_per_credential_at_a_time():
    limits = RunLimits(RunLimitsConfig(runs_per_tenant=5, runs_per_portal=5, politeness_seconds=0))
    log: list = []

    await asyncio.gather(*(hold(limits, log, f"run{i}", credential="same-login") for i in range(3)))

    assert overlapping(log) == 1


async def test_a_tenant_runs_at_most_its_limit_at_once_and_other_tenants_are_not_held_up():
    limits = RunLimits(RunLimitsConfig(runs_per_tenant=2, runs_per_portal=10, politeness_seconds=0))
    mine: list = []
    theirs: list = []

    await asyncio.gather(
        *(hold(limits, mine, f"a{i}", credential=f"c{i}") for i in range(4)),
        *(hold(limits, theirs, f"b{i}", tenant="t2", credential=f"d{i}") for i in range(2)),
    )

    assert overlapping(mine) == 2
    assert overlapping(theirs) == 2


async def test_a_portal_runs_at_most_its_limit_across_tenants():
    limits = RunLimits(RunLimitsConfig(runs_per_tenant=10, runs_per_portal=3, politeness_seconds=0))
    log: list = []

    await asyncio.gather(*(hold(limits, log, f"r{i}", tenant=f"t{i}", credential=f"c{i}") for i in range(6)))

    assert overlapping(log) == 3


async def test_runs_on_one_portal_start_at_least_the_politeness_interval_apart():
    limits = RunLimits(RunLimitsConfig(runs_per_tenant=10, runs_per_portal=10, politeness_seconds=0.1))
    log: list = []

    await asyncio.gather(*(hold(limits, log, f"r{i}", tenant=f"t{i}", credential=f"c{i}", seconds=0) for i in range(3)))

    starts = sorted(at for event, _, at in log if event == "start")
    assert all(later - earlier >= 0.09 for earlier, later in itertools.pairwise(starts))
