"""The Dramatiq broker named by `CONCORD_BROKER_URL`: in-process, Redis or RabbitMQ."""

from __future__ import annotations

from urllib.parse import urlsplit

import dramatiq
from dramatiq.brokers.rabbitmq import RabbitmqBroker
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker
from dramatiq.middleware import CurrentMessage, Retries

from infra.settings import Settings
from workers.middleware import MessageTracing, TenantContext
from workers.middleware.job_tracking import JobTracking
from workers.middleware.metrics import JobMetrics
from workers.tenant_status import tenant_is_active

CHECK_TIMEOUT_SECONDS = 3


class BrokerUnavailable(Exception):
    """The broker cannot be reached; the message names the setting and the host, not credentials."""


def build_broker(settings: Settings) -> dramatiq.Broker:
    """A broker for the settings. Async actors run on the loop `workers.runtime` provides."""
    kind = settings.broker_kind
    if kind == "stub":
        broker: dramatiq.Broker = StubBroker()
    elif kind == "redis":
        broker = RedisBroker(url=settings.broker_url, namespace=settings.broker_namespace)
    else:
        broker = RabbitmqBroker(url=settings.broker_url, confirm_delivery=True)
    # Order matters for before_enqueue: the tenant is stamped before the producer span reads it.
    broker.add_middleware(CurrentMessage())
    broker.add_middleware(TenantContext(is_active=tenant_is_active))
    broker.add_middleware(MessageTracing())
    broker.add_middleware(JobMetrics())
    # Before Retries in the list, so its after-hooks run after Retries has decided (they run in reverse).
    broker.add_middleware(JobTracking(), before=Retries)
    return broker


def check_broker(settings: Settings) -> None:
    """Connect to the broker once; raises BrokerUnavailable when it does not answer."""
    try:
        if settings.broker_kind == "redis":
            import redis

            redis.Redis.from_url(
                settings.broker_url, socket_connect_timeout=CHECK_TIMEOUT_SECONDS, socket_timeout=CHECK_TIMEOUT_SECONDS
            ).ping()
        elif settings.broker_kind == "amqp":
            import pika

            parameters = pika.URLParameters(settings.broker_url)
            parameters.socket_timeout = CHECK_TIMEOUT_SECONDS
            parameters.blocked_connection_timeout = CHECK_TIMEOUT_SECONDS
            parameters.connection_attempts = 1
            pika.BlockingConnection(parameters).close()
    except Exception as exc:  # each client library raises its own error types
        parts = urlsplit(settings.broker_url)
        where = f"{parts.scheme}://{parts.hostname or ''}{':' + str(parts.port) if parts.port else ''}"
        raise BrokerUnavailable(
            f"CONCORD_BROKER_URL={where!r}: broker unavailable ({type(exc).__name__}: {str(exc) or 'no connection'})"
        ) from None
