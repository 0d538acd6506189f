"""N idle GraphQL subscribers over graphql-transport-ws, in a process of their own.

Each connects to /graphql, authenticates in `connection_init` with one of the API keys (in turn),
subscribes to `ticketUpdated` and then waits. Prints `READY n` once all are acknowledged and stays
connected until terminated.

    BENCH_API_KEYS=key1,key2 python -m bench.load.ws_subscribers ws://127.0.0.1:8000/graphql --subscribers 500
"""

from __future__ import annotations

import asyncio
import json
import os
import signal

import typer
import websockets

SUBSCRIPTION = "subscription { ticketUpdated { id type } }"


async def subscriber(url: str, key: str, number: int, ready: asyncio.Event, gate: asyncio.Semaphore, counter: list[int], total: int) -> None:
    async with gate:
        connection = await websockets.connect(url, subprotocols=["graphql-transport-ws"], open_timeout=60, max_queue=None)
        await connection.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {key}"}}))
        acknowledged = json.loads(await connection.recv())
        if acknowledged.get("type") != "connection_ack":
            raise RuntimeError(f"subscriber {number} refused: {acknowledged}")
        await connection.send(json.dumps({"id": str(number), "type": "subscribe", "payload": {"query": SUBSCRIPTION}}))
    counter[0] += 1
    if counter[0] == total:
        ready.set()
    async for message in connection:  # idle: pings are answered by the library; events would arrive here
        if json.loads(message).get("type") == "error":
            raise RuntimeError(f"subscriber {number}: {message}")


async def _main(url: str, subscribers: int) -> None:
    keys = os.environ["BENCH_API_KEYS"].split(",")
    ready, gate, counter = asyncio.Event(), asyncio.Semaphore(25), [0]
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    tasks = [asyncio.create_task(subscriber(url, keys[n % len(keys)], n, ready, gate, counter, subscribers)) for n in range(subscribers)]
    waiter = asyncio.create_task(ready.wait())
    done, _ = await asyncio.wait([waiter, *tasks], return_when=asyncio.FIRST_COMPLETED)
    for task in done:
        if task is not waiter and task.exception():
            raise task.exception()
    print(f"READY {subscribers}", flush=True)
    await stop.wait()
    for task in tasks:
        task.cancel()


def main(url: str, subscribers: int = typer.Option(500)) -> None:
    asyncio.run(_main(url, subscribers))


if __name__ == "__main__":
    typer.run(main)
