"""CRM types in the graph."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay

from api.node_ids import parse_node_ids
from domain.crm import service as crm_service
from domain.crm.models import Customer as CustomerModel
from tenants.permissions import Scope


@strawberry.type(name="Customer", description="A company the tenant sells to.")
class CustomerNode(relay.Node):
    read_scope = Scope.CRM_READ  # what `node(id:)` asks of the caller

    id: relay.NodeID[str]
    name: str
    email: str | None
    created_at: datetime

    @classmethod
    def from_model(cls, customer: CustomerModel) -> CustomerNode:
        return cls(id=str(customer.id), name=customer.name, email=customer.email, created_at=customer.created_at)

    @classmethod
    async def resolve_nodes(
        cls, *, info: strawberry.Info, node_ids: Iterable[str], required: bool = False
    ) -> list[Any]:
        wanted = parse_node_ids(list(node_ids))
        found = await crm_service.get_customers(customer_ids=[i for i in wanted if i is not None])
        by_id = {row.id: cls.from_model(row) for row in found}
        return [by_id.get(row_id) if row_id is not None else None for row_id in wanted]
