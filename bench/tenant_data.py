"""Seeding the bench tenants through Concord's own services, as the app role (so RLS checks every row)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from bench.database import BenchDatabase


@dataclass(frozen=True)
class SeededTenant:
    id: uuid.UUID
    slug: str
    api_key: str
    customer_ids: list[uuid.UUID]


@asynccontextmanager
async def concord_orm(database: BenchDatabase) -> AsyncIterator[None]:
    """Tortoise connected to the bench database as the app role, for seeding in this process."""
    from infra.db import close_database, open_database
    from infra.settings import load_settings

    await open_database(load_settings(database_url=database.app_url, broker_url="stub://", log_level="WARNING"))
    try:
        yield
    finally:
        await close_database()


async def create_tenant(slug: str) -> SeededTenant:
    from tenants import lifecycle

    created = await lifecycle.create_tenant(slug=slug, name=f"Bench {slug}")
    return SeededTenant(id=created.tenant.id, slug=slug, api_key=created.api_key, customer_ids=[])


async def add_customers(tenant: SeededTenant, count: int, *, each: int = 0, progress: Callable[[int], None] | None = None) -> None:
    """`count` customers; with `each`, every customer gets that many deals, sales orders, issued invoices,
    tickets and contracts (the Customer 360 page's lists)."""
    from domain.crm import service as crm_service
    from domain.crm.models import Channel
    from domain.finance import service as finance_service
    from domain.legal import service as legal_service
    from domain.legal.models import PartyKind
    from domain.sales import service as sales_service
    from domain.service import service as support_service
    from tenants.context import tenant_transaction

    start = len(tenant.customer_ids)
    async with tenant_transaction(tenant.id):
        pipeline = None
        if each:
            pipelines = await sales_service.list_pipelines()
            pipeline = pipelines[0] if pipelines else await sales_service.create_pipeline(
                name="New business", stages=[sales_service.StageInput("Qualify", 10), sales_service.StageInput("Proposal", 50)]
            )
        for number in range(start, start + count):
            customer = await crm_service.create_customer(name=f"Customer {number:04d}", email=f"ap{number}@example.com")
            tenant.customer_ids.append(customer.id)
            for item in range(each):
                amount = Decimal(1000 + 10 * item)
                await sales_service.create_deal(
                    customer_id=customer.id, pipeline_id=pipeline.id, name=f"Deal {number}-{item}", amount=amount, currency="EUR",
                    created_by="bench",
                )
                line = sales_service.SalesLineInput(description="Pallets", quantity=Decimal(item + 1), unit_price=Decimal("25"))
                await sales_service.create_sales_order(customer_id=customer.id, currency="EUR", lines=[line])
                invoice = await finance_service.create_invoice(
                    customer_id=customer.id, currency="EUR",
                    lines=[finance_service.InvoiceLineInput(description="Pallets", quantity=Decimal(1), unit_price=amount, tax_rate=Decimal("0.2"))],
                )
                await finance_service.issue_invoice(
                    invoice_id=invoice.id, issue_date=date(2026, 1, 1), due_date=date(2026, 1, 31) + timedelta(days=item)
                )
                await support_service.open_ticket(
                    customer_id=customer.id, subject=f"Pallet damaged {item}", channel=Channel.EMAIL, opened_by="bench"
                )
                await legal_service.create_contract(
                    title=f"Supply agreement {number}-{item}", value=Decimal("12000"), currency="EUR",
                    start_date=date(2026, 1, 1) + timedelta(days=item), term_months=12,
                    parties=[legal_service.PartyInput(kind=PartyKind.CUSTOMER, customer_id=customer.id, role="buyer")],
                )
            if progress:
                progress(1)


def now() -> datetime:
    return datetime.now(UTC)
