"""Legal filter and order inputs."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry
from tortoise.expressions import Subquery
from tortoise.queryset import QuerySet

from api.legal.enums import ContractStatus, ObligationStatus
from api.node_ids import decode_global_id
from api.ordering import OrderDirection
from domain.legal import service as legal_service


@strawberry.input(description="Narrow the contracts; every given field must match.")
class ContractFilter:
    status: ContractStatus | None = None
    customer_id: strawberry.ID | None = strawberry.field(default=None, description="Contracts binding this customer.")
    supplier_id: strawberry.ID | None = strawberry.field(default=None, description="Contracts binding this supplier.")
    title_contains: str | None = None
    renewal_before: date | None = strawberry.field(default=None, description="By the stored end of term (see `contractsExpiring` for the rolled-forward one).")

    def apply(self, query: QuerySet) -> QuerySet:
        if self.status:
            query = query.filter(status=self.status)
        if self.customer_id or self.supplier_id:
            binding = legal_service.list_contracts(
                customer_id=decode_global_id(self.customer_id, expected_type="Customer") if self.customer_id else None,
                supplier_id=decode_global_id(self.supplier_id, expected_type="Supplier") if self.supplier_id else None,
            )
            query = query.filter(id__in=Subquery(binding.values("id")))
        if self.title_contains:
            query = query.filter(title__icontains=self.title_contains)
        if self.renewal_before:
            query = query.filter(renewal_date__lt=self.renewal_before)
        return query


@strawberry.enum
class ContractOrderField(Enum):
    RENEWAL_DATE = "renewal_date"
    START_DATE = "start_date"
    NUMBER = "number"
    TITLE = "title"


@strawberry.input
class ContractOrder:
    field: ContractOrderField
    direction: OrderDirection = OrderDirection.ASC


@strawberry.input(description="Narrow the obligations; every given field must match.")
class ObligationFilter:
    contract_id: strawberry.ID | None = None
    status: ObligationStatus | None = None
    due_before: date | None = None
    responsible_id: strawberry.ID | None = None

    def apply(self, query: QuerySet) -> QuerySet:
        if self.contract_id:
            query = query.filter(contract_id=decode_global_id(self.contract_id, expected_type="Contract"))
        if self.status:
            query = query.filter(status=self.status)
        if self.due_before:
            query = query.filter(due_date__lt=self.due_before)
        if self.responsible_id:
            query = query.filter(responsible_id=decode_global_id(self.responsible_id, expected_type="Employee"))
        return query


@strawberry.enum
class ObligationOrderField(Enum):
    DUE_DATE = "due_date"
    CREATED_AT = "created_at"


@strawberry.input
class ObligationOrder:
    field: ObligationOrderField
    direction: OrderDirection = OrderDirection.ASC
