"""Sales: quotes and sales orders price their lines per currency and flow into shipments."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.crm import service as crm
from domain.errors import DomainError
from domain.operations import service as operations
from domain.operations.models import ShipmentStatus
from domain.sales import service as sales
from domain.sales.errors import SalesErrorCode
from domain.sales.models import QuoteStatus
from tenants.context import tenant_transaction


async def test_a_quote_total_is_its_lines_rounded_per_currency(tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Tokyo Trading")
        quote = await sales.create_quote(
            customer_id=customer.id,
            currency="JPY",
            lines=[
                sales.SalesLineInput(description="Consulting hour", quantity=Decimal("3"), unit_price=Decimal("333.333")),
                sales.SalesLineInput(description="Travel", quantity=Decimal("1"), unit_price=Decimal("1500.5")),
            ],
        )
        lines = await sales.quote_lines(quote_id=quote.id)
    assert [line.line_total for line in lines] == [Decimal("1000"), Decimal("1501")]
    assert quote.total == Decimal("2501") and quote.number == "Q-000001"


async def test_an_accepted_quote_becomes_an_order_that_ships_its_products(tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        warehouse = await operations.create_warehouse(code="MAIN", name="Main")
        product = await operations.create_product(sku="CHAIR", name="Chair")
        await operations.adjust_stock(product_id=product.id, warehouse_id=warehouse.id, quantity_change=Decimal("10"), reason="count")
        quote = await sales.create_quote(
            customer_id=customer.id,
            currency="EUR",
            valid_until=date(2030, 1, 1),
            lines=[
                sales.SalesLineInput(description="Chair", quantity=Decimal("4"), unit_price=Decimal("49.99"), product_id=product.id),
                sales.SalesLineInput(description="Assembly", quantity=Decimal("1"), unit_price=Decimal("30")),
            ],
        )
        with pytest.raises(DomainError) as unsent:
            await sales.create_sales_order_from_quote(quote_id=quote.id)
        await sales.send_quote(quote_id=quote.id)
        accepted = await sales.accept_quote(quote_id=quote.id)
        order = await sales.create_sales_order_from_quote(quote_id=quote.id)
        shipment = await sales.ship_sales_order(sales_order_id=order.id, warehouse_id=warehouse.id)
        [shipment_line] = await operations.shipment_lines(shipment_id=shipment.id)
        await operations.ship_shipment(shipment_id=shipment.id)
        stock = await operations.stock_level(product_id=product.id, warehouse_id=warehouse.id)
        shipments = await operations.list_shipments(sales_order_id=order.id)
    assert unsent.value.code is SalesErrorCode.QUOTE_NOT_ACCEPTED
    assert accepted.status is QuoteStatus.ACCEPTED
    assert (order.total, order.quote_id, order.customer_id) == (Decimal("229.96"), quote.id, customer.id)
    assert (shipment_line.product_id, shipment_line.quantity) == (product.id, Decimal("4"))
    assert stock == Decimal("6")
    assert [(s.id, s.status) for s in shipments] == [(shipment.id, ShipmentStatus.SHIPPED)]


async def test_an_expired_quote_cannot_be_accepted(tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        quote = await sales.create_quote(
            customer_id=customer.id, currency="EUR", valid_until=date(2024, 1, 31),
            lines=[sales.SalesLineInput(description="Service", quantity=Decimal("1"), unit_price=Decimal("10"))],
        )
        await sales.send_quote(quote_id=quote.id)
        with pytest.raises(DomainError) as error:
            await sales.accept_quote(quote_id=quote.id, on=date(2024, 2, 1))
    assert error.value.code is SalesErrorCode.QUOTE_EXPIRED


async def test_order_lines_are_validated_by_path(tenant):
    async with tenant_transaction(tenant.id):
        customer = await crm.create_customer(name="Northwind")
        with pytest.raises(DomainError) as error:
            await sales.create_sales_order(
                customer_id=customer.id, currency="EUR",
                lines=[
                    sales.SalesLineInput(description="ok", quantity=Decimal("1"), unit_price=Decimal("1")),
                    sales.SalesLineInput(description="bad", quantity=Decimal("0"), unit_price=Decimal("1")),
                ],
            )
        with pytest.raises(DomainError) as currency:
            await sales.create_sales_order(customer_id=customer.id, currency="EURO", lines=[])
    assert error.value.field == "lines.1.quantity"
    assert currency.value.field == "currency"
