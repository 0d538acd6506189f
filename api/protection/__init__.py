"""Protection of `/graphql`: limits on documents, cost, body size and time; persisted queries; masking.

Extensions are returned as factories so that Strawberry builds fresh ones for every operation.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from strawberry.extensions import SchemaExtension

from api.protection.body_limit import RequestBodyLimit, RequestBodyTooLarge
from api.protection.cost import QueryCostLimiter
from api.protection.document_cache import document_cache
from api.protection.document_limits import document_limits, introspection_enabled
from api.protection.error_codes import PhaseErrorCodes
from api.protection.masking import UnexpectedErrors, shaped
from api.protection.persisted_queries import (
    InMemoryPersistedQueries,
    PersistedQueryStore,
    resolve_persisted_query,
)
from api.protection.timeout import within_deadline
from infra.settings import Environment, Settings

__all__ = [
    "InMemoryPersistedQueries",
    "PersistedQueryStore",
    "RequestBodyLimit",
    "RequestBodyTooLarge",
    "introspection_enabled",
    "masks_errors",
    "persisted_query_store",
    "protection_extensions",
    "resolve_persisted_query",
    "shaped",
    "within_deadline",
]


def protection_extensions(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    return [
        # First in the list, so its `on_operation` ends last and sees every error the others produced.
        partial(UnexpectedErrors, mask=masks_errors(settings)),
        PhaseErrorCodes,
        *document_limits(settings),
        # After the limits that add validation rules, before the cost check: see its module.
        document_cache(),
        partial(QueryCostLimiter, max_cost=settings.graphql_max_cost),
    ]


def masks_errors(settings: Settings) -> bool:
    """Unexpected errors are masked everywhere but in development."""
    return settings.environment != Environment.DEVELOPMENT


def persisted_query_store(settings: Settings) -> PersistedQueryStore | None:
    """This process's persisted queries, or None when CONCORD_GRAPHQL_PERSISTED_QUERIES is 0."""
    if settings.graphql_persisted_queries == 0:
        return None
    return InMemoryPersistedQueries(max_entries=settings.graphql_persisted_queries)
