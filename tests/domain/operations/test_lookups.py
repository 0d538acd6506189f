"""Operations batch reads: the lines of many orders, receipts or shipments in one query, only of the current tenant."""

from __future__ import annotations

from decimal import Decimal

from domain.operations import lookups
from domain.operations import service as operations
from tenants.context import tenant_transaction


async def _order(label: str):
    supplier = await operations.create_supplier(name=f"{label} supplier")
    warehouse = await operations.create_warehouse(code=label, name=label)
    bolt = await operations.create_product(sku=f"{label}-BOLT", name="Bolt")
    nut = await operations.create_product(sku=f"{label}-NUT", name="Nut")
    lines = [
        operations.PurchaseOrderLineInput(product_id=bolt.id, quantity=Decimal(4), unit_price=Decimal(1)),
        operations.PurchaseOrderLineInput(product_id=nut.id, quantity=Decimal(2), unit_price=Decimal(1)),
    ]
    order = await operations.create_purchase_order(supplier_id=supplier.id, warehouse_id=warehouse.id, currency="EUR", lines=lines)
    return order, warehouse, bolt


async def test_lines_of_many_orders_receipts_and_shipments_come_back_in_order(tenant, other_tenant):
    async with tenant_transaction(other_tenant.id):
        foreign, _, _ = await _order("THEIRS")
    async with tenant_transaction(tenant.id):
        first, warehouse, bolt = await _order("ONE")
        second, _, _ = await _order("TWO")
        first_lines = await operations.purchase_order_lines(purchase_order_id=first.id)
        receipt = await operations.receive_goods(
            purchase_order_id=first.id, lines=[operations.ReceiptLineInput(purchase_order_line_id=first_lines[0].id, quantity=Decimal(3))]
        )
        shipment = await operations.create_shipment(warehouse_id=warehouse.id, lines=[operations.ShipmentLineInput(product_id=bolt.id, quantity=Decimal(1))])

        order_lines = await lookups.lines_of_purchase_orders(purchase_order_ids=[first.id, second.id, foreign.id])
        receipt_lines = await lookups.lines_of_goods_receipts(receipt_ids=[receipt.id])
        shipment_lines = await lookups.lines_of_shipments(shipment_ids=[shipment.id])

    assert [(line.purchase_order_id, line.position) for line in order_lines if line.purchase_order_id == first.id] == [(first.id, 1), (first.id, 2)]
    assert {line.purchase_order_id for line in order_lines} == {first.id, second.id}
    assert all(line.purchase_order.currency == "EUR" for line in order_lines)
    assert [(line.product_id, line.quantity) for line in receipt_lines] == [(bolt.id, Decimal(3))]
    assert [(line.product_id, line.quantity) for line in shipment_lines] == [(bolt.id, Decimal(1))]
