"""Bot runs in workers: `run_bot` executes a stored run on the worker's one event loop, with the process's
one browser pool and runner; the automation `bots.start_run` sends it when a run is requested.

`startBotRun` records `bots.run_requested` in its transaction; the outbox relay publishes it after
commit, so the run row is always there when its message arrives. A message delivered twice (a
RabbitMQ consumer_timeout, a Redis redelivery after a dead worker, a retry) finds the run's lease:

- the run has ended: nothing to do;
- another execution holds a live lease: look again when that lease would expire (`watch`), so a run
  whose worker dies later is still taken over, and a live one is never run twice;
- the lease expired (its worker died): this execution resumes the run.
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime
from typing import Any

from opentelemetry import propagate

from bots.persisted import BotRuntime, execute_run
from infra.settings import get_settings
from tenants.context import current_tenant_id, tenant_transaction
from workers.actors.tenant_actor import tenant_actor
from workers.automation.registry import automation
from workers.bot_metrics import BOT_RUN_METRICS
from workers.enqueue import enqueue

log = logging.getLogger(__name__)
# Long enough for a run that waits for a person: dramatiq's TimeLimit must never cut a run short.
RUN_TIME_LIMIT_MS = 6 * 3600 * 1000

_runtime: BotRuntime | None = None
_runtime_is_ours = False  # created here (closed with the worker) rather than handed in by use_bot_runtime


def bot_runtime() -> BotRuntime:
    """This process's runtime, created on first use on the event loop the actors run on."""
    global _runtime, _runtime_is_ours
    if _runtime is None:
        _runtime, _runtime_is_ours = BotRuntime.create(get_settings()), True
    return _runtime


def use_bot_runtime(runtime: BotRuntime | None) -> None:
    """Make `runtime` the process's (tests; `None` forgets it). Whoever hands it in closes it."""
    global _runtime, _runtime_is_ours
    _runtime, _runtime_is_ours = runtime, False


async def close_bot_runtime() -> None:
    """Close the browser pool and runner this process created (on the actors' event loop), so a stopping
    worker leaves no Chromium behind; a runtime handed in by use_bot_runtime is its owner's to close."""
    global _runtime, _runtime_is_ours
    if _runtime is not None and _runtime_is_ours:
        runtime, _runtime, _runtime_is_ours = _runtime, None, False
        await runtime.close()


@tenant_actor(queue_name="bots", max_retries=5, min_backoff=5_000, max_backoff=300_000, time_limit=RUN_TIME_LIMIT_MS)
async def run_bot(run_id: str, watch: int = 0) -> None:
    """Execute the stored run `run_id` here, once, whichever way its message arrived."""
    runtime = bot_runtime()
    carrier: dict[str, str] = {}
    propagate.inject(carrier)  # the consumer span: the run continues the job's trace
    execution = await execute_run(
        runtime, tenant_id=current_tenant_id(), run_id=uuid.UUID(run_id), traceparent=carrier.get("traceparent"),
        observers=[BOT_RUN_METRICS],
    )
    if execution.paused:
        # While the tenant stays suspended, the tenant middleware keeps putting the message back.
        await _send_again(run_id, watch=watch + 1, delay_ms=int(runtime.config.paused_retry_seconds * 1000), reason="paused")
    elif execution.held_until is not None:
        if watch >= runtime.config.watch_limit:
            log.error("bot run held by another execution for too long: no longer watched", extra={"run_id": run_id})
            return
        remaining = (execution.held_until - datetime.now(UTC)).total_seconds()
        delay = min(max(remaining, 0.0) + 1.0, runtime.config.watch_seconds_max)
        await _send_again(run_id, watch=watch + 1, delay_ms=int(delay * 1000), reason="held")


async def _send_again(run_id: str, *, watch: int, delay_ms: int, reason: str) -> None:
    log.info("bot run looked at again later", extra={"run_id": run_id, "reason": reason, "delay_ms": delay_ms})
    async with tenant_transaction(current_tenant_id()):
        await enqueue(run_bot, run_id, watch=watch, idempotency_key=f"bots.run:{run_id}:{watch}", delay_ms=delay_ms)


@automation("bots.start_run", on=["bots.run_requested"])
async def start_run(*, event_id: str, event_type: str, payload: dict[str, Any]) -> None:
    """A run was requested: send it to a bots worker."""
    await enqueue(run_bot, payload["run_id"], idempotency_key=f"bots.run:{payload['run_id']}")
