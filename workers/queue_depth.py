"""Queue depth for Prometheus: how many messages each queue holds, asked of the broker at scrape time.

States: `ready` (waiting for a worker), `in_flight` (fetched, not yet acknowledged; Redis only),
`delayed` (retries and scheduled sends not yet due) and `dead` (dead letters, kept 7 days on Redis).
Each of Concord's queues carries one actor, named in the `actor` label.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import dramatiq
from dramatiq.brokers.rabbitmq import RabbitmqBroker
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker
from dramatiq.common import dq_name, xq_name
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from infra.metrics import REGISTRY

log = logging.getLogger(__name__)
STATES = ("ready", "in_flight", "delayed", "dead")


def queue_depths(broker: dramatiq.Broker) -> dict[str, dict[str, int]]:
    """Messages per declared queue (delay queues folded into their queue) and state."""
    queues = sorted(name for name in broker.get_declared_queues() if not name.endswith(".DQ"))
    if isinstance(broker, RedisBroker):
        return _redis_depths(broker, queues)
    if isinstance(broker, RabbitmqBroker):
        depths = {}
        for queue in queues:
            ready, delayed, dead = broker.get_queue_message_counts(queue)
            depths[queue] = {"ready": ready, "delayed": delayed, "dead": dead}
        return depths
    if isinstance(broker, StubBroker):
        return {
            queue: {
                "ready": broker.queues[queue].qsize(),
                "delayed": broker.queues[dq_name(queue)].qsize() if dq_name(queue) in broker.queues else 0,
                "dead": len(broker.dead_letters_by_queue.get(queue, ())),
            }
            for queue in queues
        }
    return {}


def _redis_depths(broker: RedisBroker, queues: list[str]) -> dict[str, dict[str, int]]:
    # The layout of dramatiq's redis/dispatch.lua: a list of ready ids and a hash of every unacknowledged
    # message per queue (its delay queue alike), and a sorted set of dead-letter ids.
    def key(name: str) -> str:
        return f"{broker.namespace}:{name}"

    with broker.client.pipeline(transaction=False) as pipe:
        for queue in queues:
            pipe.llen(key(queue))
            pipe.hlen(key(f"{queue}.msgs"))
            pipe.hlen(key(f"{dq_name(queue)}.msgs"))
            pipe.zcard(key(xq_name(queue)))
        counts = pipe.execute()
    depths = {}
    for index, queue in enumerate(queues):
        ready, unacknowledged, delayed, dead = counts[index * 4 : index * 4 + 4]
        depths[queue] = {"ready": ready, "in_flight": max(unacknowledged - ready, 0), "delayed": delayed, "dead": dead}
    return depths


class QueueDepthCollector(Collector):
    """`concord_queue_messages{queue, actor, state}`, read from the process's worker broker on every scrape."""

    def __init__(self) -> None:
        self.broker: dramatiq.Broker | None = None  # set while this process runs workers

    def describe(self) -> list:
        return []  # unknown until asked: no broker call when the collector is registered

    def collect(self) -> Iterator[GaugeMetricFamily]:
        broker = self.broker
        if broker is None:
            return
        family = GaugeMetricFamily(
            "concord_queue_messages", "Messages in each broker queue by state", labels=["queue", "actor", "state"]
        )
        try:
            depths = queue_depths(broker)
        except Exception as error:  # a broker that does not answer must not break the rest of the scrape
            log.warning("queue depth unavailable", extra={"error": f"{type(error).__name__}: {error}"})
            depths = {}
        actors = _actors_by_queue(broker)
        for queue, states in depths.items():
            for state, count in states.items():
                family.add_metric([queue, actors.get(queue, ""), state], count)
        yield family


def _actors_by_queue(broker: dramatiq.Broker) -> dict[str, str]:
    names: dict[str, list[str]] = {}
    for actor_name in broker.get_declared_actors():
        names.setdefault(broker.get_actor(actor_name).queue_name, []).append(actor_name)
    return {queue: "+".join(sorted(actors)) for queue, actors in names.items()}


QUEUE_DEPTH = QueueDepthCollector()
REGISTRY.register(QUEUE_DEPTH)
