"""(f) Peak resident memory: `concord serve` under the http-load pair's load, and a process of Concord's
bot runtime running 4 bot runs at once (four tenants, each its own bank login), against the baselines
doing the same (the Starlette endpoint; bare Playwright with one browser).

RSS is sampled every 100 ms from /proc for the process and all its descendants (Chromium's processes
count for the bots), and the highest sample is kept.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from bench import http_load
from bench.bots import run_argv, seconds_of, start_portals
from bench.load.generator import run_load
from bench.results import Row
from bench.servers import PeakRss, concord_env, start

PAIR = "memory"
MIB = 1024 * 1024


def serve_peaks(seconds: float) -> dict[str, int]:
    database, tenant = asyncio.run(http_load.seed(PAIR))
    servers = http_load.start_servers(database)
    peaks = {}
    try:
        for side, process in servers.items():
            with PeakRss(process.pid) as peak:
                for document in http_load.documents(tenant):
                    path = "/graphql" if side == "concord" else document.baseline_path
                    run_load(process.url + path, api_key=tenant.api_key, body=document.body, clients=http_load.CLIENTS, seconds=seconds)
            peaks[side] = peak.peak
    finally:
        for process in servers.values():
            process.stop()
    return peaks


def bot_peaks(runs: int) -> dict[str, int]:
    env = concord_env("sqlite://unused", CONCORD_LOG_LEVEL="ERROR")
    peaks = {}
    with start_portals() as portals:
        for side, module in (("concord", "bench.bot_runs"), ("baseline", "bench.baselines.playwright_bank")):
            process = start(f"memory-{side}-bots", run_argv(module, portals.url, runs=runs, concurrent=True, tenants=4), env=env)
            with PeakRss(process.pid) as peak:
                process.popen.wait(timeout=300)
            if process.popen.returncode:
                raise RuntimeError(f"{module} failed; see {process.log}")
            seconds_of(process.log.read_text())  # the runs succeeded and reported
            peaks[side] = peak.peak
    return peaks


def run(*, quick: bool = False, profile: bool = False, progress: Callable[[str, int, int], None] = lambda *_: None) -> tuple[list[Row], dict]:
    progress("concord serve under 32 clients", 0, 2)
    serve = serve_peaks(3 if quick else 6)
    progress("4 bot runs at once", 1, 2)
    bots = bot_peaks(4)
    rows = [
        Row(PAIR, "peak RSS, serve under http-load", "MiB", serve["concord"] / MIB, serve["baseline"] / MIB, "max", 2,
            "concord serve vs Starlette endpoint"),
        Row(PAIR, "peak RSS, 4 bot runs at once", "MiB", bots["concord"] / MIB, bots["baseline"] / MIB, "max", 2,
            "bot runtime + Chromium vs bare Playwright + Chromium"),
    ]
    return rows, {"serve_bytes": serve, "bots_bytes": bots}
