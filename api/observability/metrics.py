"""The API's metrics: GraphQL operations by name and type, their latency, and errors by code."""

from __future__ import annotations

import time
from collections.abc import Iterator

from prometheus_client import Counter, Histogram
from starlette.requests import Request
from starlette.responses import Response
from strawberry.extensions import SchemaExtension

from infra.metrics import REGISTRY, BoundedLabel, exposition

OPERATIONS = Counter(
    "concord_graphql_operations_total", "GraphQL operations handled", ["operation_type", "operation_name"], registry=REGISTRY
)
OPERATION_SECONDS = Histogram(
    "concord_graphql_operation_duration_seconds", "Time to handle a GraphQL operation", ["operation_type", "operation_name"],
    registry=REGISTRY, buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
ERRORS = Counter("concord_graphql_errors_total", "GraphQL errors by extensions.code", ["code"], registry=REGISTRY)
operation_label = BoundedLabel(limit=200)


class OperationMetrics(SchemaExtension):
    """Counts and times every operation, parse and validation included, and its errors by code."""

    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        context = self.execution_context
        # A document that did not parse has no operation type, and Strawberry raises rather than answer None.
        operation_type = context.operation_type.value if context.graphql_document is not None else "unknown"
        name = operation_label(context.operation_name)
        OPERATIONS.labels(operation_type, name).inc()
        OPERATION_SECONDS.labels(operation_type, name).observe(time.perf_counter() - started)
        for error in getattr(context.result, "errors", None) or getattr(context, "pre_execution_errors", None) or []:
            ERRORS.labels(str((error.extensions or {}).get("code", "INTERNAL_SERVER_ERROR"))).inc()


def count_refused_request(code: str) -> None:
    """An error answered before any operation ran (authentication, rate limits, malformed or oversized
    requests, timeouts): counted with the operations' errors, by its `extensions.code`."""
    ERRORS.labels(code).inc()


async def metrics_endpoint(request: Request) -> Response:
    body, content_type = exposition()
    return Response(body, media_type=content_type)
