"""The schema: merges the per-area roots and adds the operation-wide extensions."""

from __future__ import annotations

import strawberry
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from api import automation, back_office, bots, front_office
from api.atomic_documents import AtomicDocuments, atomic
from api.extensions import AuditMutations, OperationSpan, TenantTransaction
from api.nodes import NodeQuery
from api.observability.metrics import OperationMetrics
from api.subscriptions import Subscription
from api.protection import introspection_enabled, protection_extensions
from api.tenancy import ApiKeyNode, AuditEntryNode, TenancyMutation, TenancyQuery
from api.viewer import ViewerQuery
from infra.settings import Settings

AREAS = (front_office, back_office, automation, bots)
Query = merge_types("Query", (NodeQuery, ViewerQuery, *(root for area in AREAS for root in area.QUERIES), TenancyQuery))
Mutation = merge_types("Mutation", (*(root for area in AREAS for root in area.MUTATIONS), TenancyMutation))
NODE_TYPES = [*(node for area in AREAS for node in area.NODE_TYPES), ApiKeyNode, AuditEntryNode]


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    """The schema with the operation limits of `settings` (the defaults without them: `concord schema`)."""
    settings = settings or Settings.model_construct()
    # Extensions are passed as classes or factories: strawberry builds them per operation, so no state is shared.
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=NODE_TYPES,
        extensions=[
            *protection_extensions(settings), OperationMetrics, OperationSpan, TenantTransaction, AuditMutations, AtomicDocuments
        ],
        directives=[atomic],
        # Without introspection, "did you mean …?" hints would still spell out the schema.
        config=StrawberryConfig(disable_field_suggestions=not introspection_enabled(settings)),
    )


schema = build_schema()
