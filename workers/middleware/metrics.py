"""Job metrics: how many ran by actor and outcome, how long they took, how long they waited; and the
outbox lag (how long the oldest unpublished event has waited), which the relay sets after each pass."""

from __future__ import annotations

import time

import dramatiq
from dramatiq.middleware import Middleware
from prometheus_client import Counter, Gauge, Histogram

from infra.metrics import REGISTRY

JOBS = Counter("concord_jobs_total", "Jobs processed", ["actor", "outcome"], registry=REGISTRY)
JOB_SECONDS = Histogram(
    "concord_job_duration_seconds", "Time an actor spent on a job", ["actor"], registry=REGISTRY,
    buckets=(0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900),
)
JOB_WAIT_SECONDS = Histogram(
    "concord_job_queue_latency_seconds", "Time from enqueue to start of processing", ["actor"], registry=REGISTRY,
    buckets=(0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900),
)

OUTBOX_LAG_SECONDS = Gauge(
    "concord_outbox_oldest_pending_seconds",
    "Age of the oldest domain event not yet published to the broker, over all tenants (0: none waits)",
    registry=REGISTRY,
)


class JobMetrics(Middleware):
    def __init__(self) -> None:
        self._started: dict[str, float] = {}

    def before_process_message(self, broker: dramatiq.Broker, message: dramatiq.Message) -> None:
        self._started[message.message_id] = time.perf_counter()
        JOB_WAIT_SECONDS.labels(message.actor_name).observe(max(0.0, time.time() - message.message_timestamp / 1000))

    def after_process_message(self, broker, message, *, result=None, exception=None) -> None:
        self._finish(message, "failed" if exception is not None else "succeeded")

    def after_skip_message(self, broker: dramatiq.Broker, message: dramatiq.Message) -> None:
        self._finish(message, "skipped")

    def _finish(self, message: dramatiq.Message, outcome: str) -> None:
        started = self._started.pop(message.message_id, None)
        JOBS.labels(message.actor_name, outcome).inc()
        if started is not None:
            JOB_SECONDS.labels(message.actor_name).observe(time.perf_counter() - started)
