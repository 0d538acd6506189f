"""Keeps each message's job record current: running, succeeded, retrying or failed (dead-lettered).

Lean on purpose, since every message pays for it: one short transaction when a message starts (an
UPDATE, a read of what it changed, the event) and one when it ends (an UPDATE and the event); what
the start learned (the job's id, its attempt count) is kept in memory so the end reads nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import dramatiq
from dramatiq.asyncio import get_event_loop_thread
from dramatiq.middleware import Middleware

from domain.automation import jobs
from domain.automation.models import JobStatus
from tenants.context import tenant_transaction
from workers.message_options import IDEMPOTENCY_KEY, tenant_of

log = logging.getLogger(__name__)


class JobTracking(Middleware):
    def __init__(self) -> None:
        # message id -> its running attempt; a message is processed by one thread at a time.
        self._attempts: dict[str, jobs.JobAttempt] = {}

    def before_process_message(self, broker: dramatiq.Broker, message: dramatiq.Message) -> None:
        attempt = self._write(message, self._started)
        if attempt is not None:
            self._attempts[message.message_id] = attempt

    def after_process_message(self, broker, message, *, result=None, exception=None) -> None:
        attempt = self._attempts.pop(message.message_id, None)
        if exception is None:
            self._end(message, attempt, JobStatus.SUCCEEDED)
            return
        error = f"{type(exception).__name__}: {exception}"
        # Retries spent: the broker moves the message to the dead-letter queue.
        self._end(message, attempt, JobStatus.FAILED if message.failed else JobStatus.RETRYING, error)

    def after_skip_message(self, broker, message) -> None:
        self._attempts.pop(message.message_id, None)

    @staticmethod
    async def _started(message: dramatiq.Message) -> jobs.JobAttempt:
        return await jobs.start_attempt(
            message_id=message.message_id, actor=message.actor_name, queue=message.queue_name,
            idempotency_key=str(message.options.get(IDEMPOTENCY_KEY) or message.message_id),
            args=list(message.args), kwargs=dict(message.kwargs),
        )

    def _end(self, message: dramatiq.Message, attempt: jobs.JobAttempt | None, status: JobStatus, error: str | None = None) -> None:
        if attempt is not None:
            self._write(message, lambda m: jobs.finish_attempt(attempt, status=status, error=error))
        elif status is JobStatus.SUCCEEDED:  # the start was not recorded (its write failed): find the job by message
            self._write(message, lambda m: jobs.mark_succeeded(message_id=m.message_id))
        elif status is JobStatus.FAILED:
            self._write(message, lambda m: jobs.mark_failed(message_id=m.message_id, error=error or ""))
        else:
            self._write(message, lambda m: jobs.mark_retrying(message_id=m.message_id, error=error or ""))

    @staticmethod
    def _write(message: dramatiq.Message, change: Callable[[dramatiq.Message], Awaitable]):
        tenant_id = tenant_of(message)
        loop_thread = get_event_loop_thread()
        if tenant_id is None or loop_thread is None:
            return None

        async def write():
            async with tenant_transaction(tenant_id):
                return await change(message)

        try:
            return loop_thread.run_coroutine(write())
        except Exception:  # bookkeeping must never decide a job's fate
            log.exception("could not update the job record", extra={"message_id": message.message_id})
            return None
