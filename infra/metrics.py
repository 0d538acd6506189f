"""Prometheus metrics: the shared registry, bounded labels, and the `/metrics` exposition.

Labels never carry a tenant id or anything else a client chooses without bound: names a client
picks (GraphQL operation names) go through `BoundedLabel`, which keeps the first N it sees and
counts the rest as "other".
"""

from __future__ import annotations

import logging
import threading

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest, start_http_server

log = logging.getLogger(__name__)

REGISTRY = CollectorRegistry(auto_describe=True)
OTHER = "other"


class BoundedLabel:
    """At most `limit` distinct values of a label; later newcomers are reported as "other"."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._seen: set[str] = set()
        self._lock = threading.Lock()

    def __call__(self, value: str | None) -> str:
        value = value or "anonymous"
        with self._lock:
            if value in self._seen:
                return value
            if len(self._seen) < self.limit:
                self._seen.add(value)
                return value
        return OTHER


def exposition() -> tuple[bytes, str]:
    """The registry in Prometheus text format, with its content type."""
    return generate_latest(REGISTRY), CONTENT_TYPE_LATEST


def serve_metrics(*, host: str, port: int) -> bool:
    """Serve the registry at http://host:port/metrics from a daemon thread (processes without the API's HTTP
    server: `concord worker`). A port already taken is logged, not fatal: the work matters more than its metrics."""
    try:
        start_http_server(port, addr=host, registry=REGISTRY)
    except OSError as error:
        log.error("metrics not served", extra={"port": port, "error": str(error)})
        return False
    log.info("metrics served", extra={"url": f"http://{host}:{port}/metrics"})
    return True
