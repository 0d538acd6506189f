"""Keeps each message's job record current: running, succeeded, retrying or failed (dead-lettered)."""

from __future__ import annotations

import logging

import dramatiq
from dramatiq.asyncio import get_event_loop_thread
from dramatiq.middleware import Middleware

from domain.automation import jobs
from tenants.context import tenant_transaction
from workers.message_options import IDEMPOTENCY_KEY, tenant_of

log = logging.getLogger(__name__)


class JobTracking(Middleware):
    def before_process_message(self, broker: dramatiq.Broker, message: dramatiq.Message) -> None:
        self._write(message, self._running)

    def after_process_message(self, broker, message, *, result=None, exception=None) -> None:
        if exception is None:
            self._write(message, lambda m: jobs.mark_succeeded(message_id=m.message_id))
            return
        error = f"{type(exception).__name__}: {exception}"
        if message.failed:  # retries are spent: the broker moves it to the dead-letter queue
            self._write(message, lambda m: jobs.mark_failed(message_id=m.message_id, error=error))
        else:
            self._write(message, lambda m: jobs.mark_retrying(message_id=m.message_id, error=error))

    @staticmethod
    async def _running(message: dramatiq.Message) -> None:
        await jobs.record_job(
            message_id=message.message_id, actor=message.actor_name, queue=message.queue_name,
            idempotency_key=str(message.options.get(IDEMPOTENCY_KEY) or message.message_id),
            args=list(message.args), kwargs=dict(message.kwargs), trace_id=None,
        )
        await jobs.mark_running(message_id=message.message_id)

    @staticmethod
    def _write(message: dramatiq.Message, change) -> None:
        tenant_id = tenant_of(message)
        loop_thread = get_event_loop_thread()
        if tenant_id is None or loop_thread is None:
            return

        async def write() -> None:
            async with tenant_transaction(tenant_id):
                await change(message)

        try:
            loop_thread.run_coroutine(write())
        except Exception:  # bookkeeping must never decide a job's fate
            log.exception("could not update the job record", extra={"message_id": message.message_id})
