"""Limits on an operation's document, from Strawberry's built-ins: depth, aliases, tokens, introspection.

The token limit stops the parser itself (GRAPHQL_PARSE_FAILED); the others are validation rules
(GRAPHQL_VALIDATION_FAILED). Each is built per operation from the settings.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)

from infra.settings import Environment, Settings


def document_limits(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    limits: list[Callable[[], SchemaExtension]] = [
        partial(MaxTokensLimiter, max_token_count=settings.graphql_max_tokens),
        partial(QueryDepthLimiter, max_depth=settings.graphql_max_depth),
        partial(MaxAliasesLimiter, max_alias_count=settings.graphql_max_aliases),
    ]
    if not introspection_enabled(settings):
        limits.append(DisableIntrospection)
    return limits


def introspection_enabled(settings: Settings) -> bool:
    """As set by CONCORD_GRAPHQL_INTROSPECTION; unset, only in development."""
    if settings.graphql_introspection is not None:
        return settings.graphql_introspection
    return settings.environment == Environment.DEVELOPMENT
