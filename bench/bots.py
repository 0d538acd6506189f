"""(d) `bank.download_statements` through Concord's runner against a bare Playwright script, on the
sandbox bank portal (`concord portals`), Chromium headless.

Concord's runs (bench/bot_runs.py) go through the BotRunner with its steps, retries, trace and
artifacts, on the warm browser pool (one Chromium, a context per run) and, for comparison, with a
cold browser per run. The baseline (bench/baselines/playwright_bank.py) makes the same clicks with
bare Playwright, warm (one browser) and cold (a browser per run). Each side is a process of its own;
the sides alternate over rounds and the median run time is reported.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from collections.abc import Callable

from bench import profiling
from bench.database import ROOT
from bench.results import Row
from bench.servers import BIN, Process, concord_env, free_port, start_http

PAIR = "bots"
TENANTS = ["bench-bots-1", "bench-bots-2", "bench-bots-3", "bench-bots-4"]
BOT = "bank.download_statements"


def start_portals() -> Process:
    port = free_port()
    argv = [str(BIN / "concord"), "portals", "--port", str(port)] + [item for slug in TENANTS for item in ("--tenant", slug)]
    process = start_http("concord-portals", argv, port=port, ready_path="/bank/login")
    process.url += "/bank"
    return process


def run_argv(module: str, portal_url: str, *, runs: int, cold: bool = False, concurrent: bool = False, tenants: int = 1) -> list[str]:
    """`python -m module` running `runs` bot runs, for the first `tenants` bench tenants in turn."""
    argv = [sys.executable, "-m", module, portal_url, "--runs", str(runs)]
    argv += [item for slug in TENANTS[:tenants] for item in ("--tenant", slug)]
    argv += ["--cold"] if cold else []
    argv += ["--concurrent"] if concurrent else []
    return argv


def seconds_of(stdout: str) -> list[float]:
    line = next(line for line in stdout.splitlines() if line.startswith("BENCH_JSON "))
    return json.loads(line.removeprefix("BENCH_JSON "))["seconds"]


def timed_runs(module: str, portal_url: str, *, runs: int, cold: bool = False, env: dict[str, str] | None = None,
               profile_as: str | None = None) -> list[float]:
    prefix = profiling.command_prefix(PAIR, profile_as or "", enabled=profile_as is not None)
    done = subprocess.run(prefix + run_argv(module, portal_url, runs=runs, cold=cold), env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{module} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return seconds_of(done.stdout)


def run(*, quick: bool = False, profile: bool = False, progress: Callable[[str, int, int], None] = lambda *_: None) -> tuple[list[Row], dict]:
    rounds, warm_runs, cold_runs = (1, 3, 2) if quick else (2, 5, 3)
    env = concord_env("sqlite://unused", CONCORD_LOG_LEVEL="ERROR")
    times: dict[str, list[float]] = {"concord_warm": [], "bare_warm": [], "concord_cold": [], "bare_cold": []}
    plan = [
        ("concord_warm", "bench.bot_runs", warm_runs, False),
        ("bare_warm", "bench.baselines.playwright_bank", warm_runs, False),
        ("concord_cold", "bench.bot_runs", cold_runs, True),
        ("bare_cold", "bench.baselines.playwright_bank", cold_runs, True),
    ]
    with start_portals() as portals:
        done = 0
        for round_number in range(rounds):
            for name, module, runs, cold in plan if round_number % 2 == 0 else list(reversed(plan)):
                profile_as = name.replace("_", "-") if profile and round_number == 0 else None
                times[name] += timed_runs(module, portals.url, runs=runs, cold=cold, env=env, profile_as=profile_as)
                done += 1
                progress(name.replace("_", " "), done, rounds * len(plan))
    median = {name: statistics.median(values) for name, values in times.items()}
    rows = [
        Row(PAIR, f"{BOT}, warm browser pool", "s", median["concord_warm"], median["bare_warm"], "max", 1.2,
            "per run; baseline: bare Playwright, one browser"),
        Row(PAIR, f"{BOT}, cold browser per run", "s", median["concord_cold"], median["bare_cold"], "max", 1.2,
            "per run; baseline: bare Playwright launching its browser"),
        Row(PAIR, "Concord: warm pool vs cold browser", "s", median["concord_warm"], median["concord_cold"],
            note="what the pool saves per run"),
    ]
    return rows, {"seconds": times, "rounds": rounds}
