"""The schema: merges the per-area roots and adds the operation-wide extensions."""

from __future__ import annotations

import strawberry
from strawberry.tools import merge_types

from api.crm import CrmMutation, CrmQuery, CustomerNode
from api.extensions import OperationSpan, TenantTransaction
from api.nodes import NodeQuery
from api.viewer import ViewerQuery

Query = merge_types("Query", (NodeQuery, ViewerQuery, CrmQuery))
Mutation = merge_types("Mutation", (CrmMutation,))


def build_schema() -> strawberry.Schema:
    # Extensions are passed as classes: strawberry builds one per operation, so no state is shared.
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        types=[CustomerNode],
        extensions=[OperationSpan, TenantTransaction],
    )


schema = build_schema()
