"""The fallback load process when wrk is missing: N asyncio clients on httpx, one JSON line of figures.

    BENCH_API_KEY=… BENCH_BODY='{…}' python -m bench.load.asyncio_load URL --clients 32 --seconds 10
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import time

import httpx
import typer


async def _load(url: str, clients: int, seconds: float) -> dict:
    headers = {"Authorization": f"Bearer {os.environ['BENCH_API_KEY']}", "Content-Type": "application/json"}
    body = os.environ["BENCH_BODY"].encode()
    latencies: list[float] = []
    failed = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=30) as client:
        started = time.perf_counter()
        deadline = started + seconds

        async def one_client() -> None:
            nonlocal failed
            while time.perf_counter() < deadline:
                sent = time.perf_counter()
                try:
                    response = await client.post(url, content=body)
                    failed += response.status_code >= 300
                except httpx.HTTPError:
                    failed += 1
                latencies.append(time.perf_counter() - sent)

        await asyncio.gather(*(one_client() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [latencies[0]] * 99
    return {"requests": len(latencies), "duration_us": int(elapsed * 1e6), "socket_errors": 0, "non_2xx": failed,
            "p50_us": int(cuts[49] * 1e6), "p99_us": int(cuts[98] * 1e6), "mean_us": statistics.fmean(latencies) * 1e6}


def main(url: str, clients: int = typer.Option(32), seconds: float = typer.Option(10.0)) -> None:
    print("BENCH_JSON " + json.dumps(asyncio.run(_load(url, clients, seconds))))


if __name__ == "__main__":
    typer.run(main)
