"""Driving a server with N concurrent clients for a while, from a separate process: wrk where it is
installed (scripts/ensure-wrk.sh), else bench.load.asyncio_load. Both report req/s, p50 and p99."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class LoadResult:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    failed: int
    tool: str

    @property
    def rate(self) -> float:
        return self.requests / self.seconds


def run_load(url: str, *, api_key: str, body: dict, clients: int, seconds: float) -> LoadResult:
    """POST `body` to `url` from `clients` connections for `seconds`."""
    payload = json.dumps(body)
    if shutil.which("wrk"):
        env = {**os.environ, "BENCH_API_KEY": api_key, "BENCH_BODY": payload}
        done = subprocess.run(
            ["wrk", "-t", "2", "-c", str(clients), "-d", f"{seconds:.0f}s", "--timeout", "30s", "-s", str(HERE / "post.lua"), url],
            env=env, capture_output=True, text=True, check=True,
        )
        tool = "wrk"
    else:
        done = subprocess.run(
            [sys.executable, "-m", "bench.load.asyncio_load", url, "--clients", str(clients), "--seconds", str(seconds)],
            env={**os.environ, "BENCH_API_KEY": api_key, "BENCH_BODY": payload}, capture_output=True, text=True, check=True,
        )
        tool = "asyncio+httpx"
    line = next(line for line in done.stdout.splitlines() if line.startswith("BENCH_JSON "))
    figures = json.loads(line.removeprefix("BENCH_JSON "))
    return LoadResult(
        requests=figures["requests"], seconds=figures["duration_us"] / 1e6, p50_ms=figures["p50_us"] / 1000,
        p99_ms=figures["p99_us"] / 1000, failed=figures["socket_errors"] + figures["non_2xx"], tool=tool,
    )
