"""Operations: purchase orders, goods received against them, and the reorder report."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from domain.errors import DomainError
from domain.operations import service as operations
from domain.operations.errors import OperationsErrorCode
from domain.operations.models import PurchaseOrderStatus
from domain.outbox.models import OutboxEvent
from tenants.context import tenant_transaction
from tenants.ownership import scoped


async def setup_catalogue():
    supplier = await operations.create_supplier(name="Acme Parts")
    warehouse = await operations.create_warehouse(code="MAIN", name="Main")
    product = await operations.create_product(sku="BOLT", name="Bolt", reorder_point=Decimal("20"), preferred_supplier_id=supplier.id)
    return supplier, warehouse, product


async def test_goods_are_received_up_to_the_ordered_quantity(tenant):
    async with tenant_transaction(tenant.id):
        supplier, warehouse, product = await setup_catalogue()
        order = await operations.create_purchase_order(
            supplier_id=supplier.id,
            warehouse_id=warehouse.id,
            currency="EUR",
            lines=[operations.PurchaseOrderLineInput(product_id=product.id, quantity=Decimal("10"), unit_price=Decimal("0.125"))],
        )
        [line] = await operations.purchase_order_lines(purchase_order_id=order.id)
        await operations.receive_goods(purchase_order_id=order.id, lines=[operations.ReceiptLineInput(purchase_order_line_id=line.id, quantity=Decimal("4"))])
        partial = await operations.get_purchase_order_or_raise(purchase_order_id=order.id)
        with pytest.raises(DomainError) as over:
            await operations.receive_goods(purchase_order_id=order.id, lines=[operations.ReceiptLineInput(purchase_order_line_id=line.id, quantity=Decimal("7"))])
        await operations.receive_goods(purchase_order_id=order.id, lines=[operations.ReceiptLineInput(purchase_order_line_id=line.id, quantity=Decimal("6"))])
        complete = await operations.get_purchase_order_or_raise(purchase_order_id=order.id)
        stock = await operations.stock_level(product_id=product.id, warehouse_id=warehouse.id)
        event_types = sorted(await scoped(OutboxEvent).filter(event_type__startswith="operations.").values_list("event_type", flat=True))
    assert order.number == "PO-000001" and order.total == Decimal("1.2500")  # 10 x 0.125 rounded to cents
    assert partial.status is PurchaseOrderStatus.PARTIALLY_RECEIVED
    assert (over.value.code, over.value.field) == (OperationsErrorCode.OVER_RECEIPT, "lines.0.quantity")
    assert complete.status is PurchaseOrderStatus.RECEIVED
    assert stock == Decimal("10")
    assert event_types == ["operations.goods_received", "operations.goods_received", "operations.purchase_order_created"]


async def test_goods_received_after_the_fact_are_moved_into_stock_at_the_given_time(tenant):
    arrived = datetime(2024, 3, 4, 9, 30, tzinfo=UTC)
    async with tenant_transaction(tenant.id):
        supplier, warehouse, product = await setup_catalogue()
        order = await operations.create_purchase_order(
            supplier_id=supplier.id, warehouse_id=warehouse.id, currency="EUR", ordered_on=date(2024, 2, 20),
            lines=[operations.PurchaseOrderLineInput(product_id=product.id, quantity=Decimal("3"), unit_price=Decimal("1"))],
        )
        [line] = await operations.purchase_order_lines(purchase_order_id=order.id)
        receipt = await operations.receive_goods(
            purchase_order_id=order.id, lines=[operations.ReceiptLineInput(purchase_order_line_id=line.id, quantity=Decimal("3"))],
            received_on=arrived.date(), at=arrived,
        )
        [movement] = await operations.list_movements(product_id=product.id)
    assert receipt.received_on == date(2024, 3, 4)
    assert (movement.moved_at, movement.quantity_after) == (arrived, Decimal("3"))


async def test_a_received_order_takes_no_more_goods_and_cannot_be_cancelled(tenant):
    async with tenant_transaction(tenant.id):
        supplier, warehouse, product = await setup_catalogue()
        order = await operations.create_purchase_order(
            supplier_id=supplier.id, warehouse_id=warehouse.id, currency="EUR",
            lines=[operations.PurchaseOrderLineInput(product_id=product.id, quantity=Decimal("1"), unit_price=Decimal("1"))],
        )
        [line] = await operations.purchase_order_lines(purchase_order_id=order.id)
        await operations.receive_goods(purchase_order_id=order.id, lines=[operations.ReceiptLineInput(purchase_order_line_id=line.id, quantity=Decimal("1"))])
        with pytest.raises(DomainError) as closed:
            await operations.receive_goods(purchase_order_id=order.id, lines=[operations.ReceiptLineInput(purchase_order_line_id=line.id, quantity=Decimal("1"))])
        with pytest.raises(DomainError) as cancel:
            await operations.cancel_purchase_order(purchase_order_id=order.id)
    assert closed.value.code is OperationsErrorCode.ORDER_CLOSED
    assert cancel.value.code is OperationsErrorCode.ORDER_HAS_RECEIPTS


async def test_products_below_reorder_point_list_their_open_purchase_orders(tenant):
    async with tenant_transaction(tenant.id):
        supplier, warehouse, bolt = await setup_catalogue()
        nut = await operations.create_product(sku="NUT", name="Nut", reorder_point=Decimal("5"))
        await operations.create_product(sku="WASHER", name="Washer")  # no reorder point: never listed
        await operations.adjust_stock(product_id=bolt.id, warehouse_id=warehouse.id, quantity_change=Decimal("12"), reason="count")
        await operations.adjust_stock(product_id=nut.id, warehouse_id=warehouse.id, quantity_change=Decimal("5"), reason="count")
        order = await operations.create_purchase_order(
            supplier_id=supplier.id, warehouse_id=warehouse.id, currency="EUR",
            lines=[operations.PurchaseOrderLineInput(product_id=bolt.id, quantity=Decimal("30"), unit_price=Decimal("0.10"))],
        )
        [line] = await operations.purchase_order_lines(purchase_order_id=order.id)
        await operations.receive_goods(purchase_order_id=order.id, lines=[operations.ReceiptLineInput(purchase_order_line_id=line.id, quantity=Decimal("2"))])
        # 14 on hand after the partial receipt, still below 20
        report = await operations.products_below_reorder_point()
    assert [row.sku for row in report] == ["BOLT"]
    [bolt_row] = report
    assert bolt_row.on_hand == Decimal("14") and bolt_row.preferred_supplier_id == supplier.id
    assert [(po.number, po.quantity_outstanding) for po in bolt_row.open_purchase_orders] == [(order.number, Decimal("28"))]
    assert bolt_row.quantity_on_order == Decimal("28")


async def test_another_tenants_product_is_not_found_on_a_purchase_order(tenant, other_tenant):
    async with tenant_transaction(other_tenant.id):
        foreign = await operations.create_product(sku="X", name="Foreign")
    async with tenant_transaction(tenant.id):
        supplier, warehouse, _ = await setup_catalogue()
        with pytest.raises(DomainError) as error:
            await operations.create_purchase_order(
                supplier_id=supplier.id, warehouse_id=warehouse.id, currency="EUR",
                lines=[operations.PurchaseOrderLineInput(product_id=foreign.id, quantity=Decimal("1"), unit_price=Decimal("1"))],
            )
        with pytest.raises(DomainError) as unknown:
            await operations.get_supplier_or_raise(supplier_id=uuid.uuid4())
    assert (error.value.code, error.value.field) == (OperationsErrorCode.NOT_FOUND, "lines.0.product_id")
    assert unknown.value.code is OperationsErrorCode.NOT_FOUND
