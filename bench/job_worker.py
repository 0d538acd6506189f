"""A Concord worker with one more actor, `bench_noop`, for the jobs pair's no-op figure.

It is `concord worker` (infra/cli/production.py) without the relay and the scheduler: the same
settings, broker and middleware (tenant context and re-validation, tracing, job tracking, metrics,
retries) and the same runtime, with a `@tenant_actor` that does nothing, so the figure is what
Concord's worker costs per message.

    CONCORD_… python -m bench.job_worker --threads 4
"""

from __future__ import annotations

import dramatiq
import typer

NOOP_QUEUE = "bench_noop"


def declare_noop():
    from workers.actors.tenant_actor import tenant_actor

    @tenant_actor(queue_name=NOOP_QUEUE, actor_name="bench_noop", max_retries=0)
    async def bench_noop(number: int) -> None:
        """Nothing: the message's cost is Concord's middleware and runtime."""

    return bench_noop


def main(threads: int = typer.Option(4)) -> None:
    from infra.cli.production import _wait_for_stop_signal
    from infra.cli.process import prepare_process
    from workers.broker import build_broker
    from workers.runtime import start_worker

    settings = prepare_process(role="worker")
    broker = build_broker(settings)
    dramatiq.set_broker(broker)
    declare_noop()
    runtime = start_worker(settings, broker, threads=threads)
    _wait_for_stop_signal()
    runtime.stop()


if __name__ == "__main__":
    typer.run(main)
