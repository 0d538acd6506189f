"""Customer KPIs for the 360-degree view, batched over many customers for a GraphQL DataLoader.

It sits above the other areas (sales, finance and service call into CRM, never the reverse), so it
lives in its own module rather than in `domain.crm.service`.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from domain.finance import service as finance_service
from domain.money import Money
from domain.sales import service as sales_service
from domain.service import service as support_service


@dataclass(frozen=True)
class CustomerKpis:
    customer_id: uuid.UUID
    open_pipeline_value: tuple[Money, ...]  # open deals, one Money per currency
    outstanding_balance: tuple[Money, ...]  # amount due on issued invoices
    overdue_invoice_count: int
    open_ticket_count: int
    lifetime_revenue: tuple[Money, ...]  # net of tax, issued and paid invoices


async def customer_kpis(*, customer_ids: Sequence[uuid.UUID], as_of: date | None = None) -> dict[uuid.UUID, CustomerKpis]:
    """KPIs for a batch of customers keyed by id, in five aggregate queries whatever the batch size.

    Ids of other tenants' customers (or of none) get empty KPIs: nothing of theirs is visible.
    """
    ids = list(dict.fromkeys(customer_ids))
    pipeline = await sales_service.open_pipeline_value_by_customer(customer_ids=ids)
    receivables = await finance_service.receivables_by_customer(customer_ids=ids, as_of=as_of)
    tickets = await support_service.open_ticket_count_by_customer(customer_ids=ids)
    return {
        customer_id: CustomerKpis(
            customer_id=customer_id,
            open_pipeline_value=pipeline[customer_id],
            outstanding_balance=receivables[customer_id].outstanding,
            overdue_invoice_count=receivables[customer_id].overdue_invoice_count,
            open_ticket_count=tickets[customer_id],
            lifetime_revenue=receivables[customer_id].lifetime_revenue,
        )
        for customer_id in ids
    }
