"""The schema: merges the per-area roots and adds the operation-wide extensions."""

from __future__ import annotations

import strawberry
from strawberry.tools import merge_types

from api.crm import CrmMutation, CrmQuery, CustomerNode
from api.extensions import AuditMutations, OperationSpan, TenantTransaction
from api.nodes import NodeQuery
from api.tenancy import ApiKeyNode, AuditEntryNode, TenancyMutation, TenancyQuery
from api.viewer import ViewerQuery

Query = merge_types("Query", (NodeQuery, ViewerQuery, CrmQuery, TenancyQuery))
Mutation = merge_types("Mutation", (CrmMutation, TenancyMutation))
NODE_TYPES = [CustomerNode, ApiKeyNode, AuditEntryNode]


def build_schema() -> strawberry.Schema:
    # Extensions are passed as classes: strawberry builds one per operation, so no state is shared.
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        types=NODE_TYPES,
        extensions=[OperationSpan, TenantTransaction, AuditMutations],
    )


schema = build_schema()
