"""Operations: stock never goes negative, every change is a movement, low stock is announced once."""

from __future__ import annotations

from decimal import Decimal

import pytest
from tortoise.exceptions import IntegrityError, OperationalError
from tortoise.transactions import in_transaction

from domain.errors import DomainError
from domain.operations import service as operations
from domain.operations.errors import OperationsErrorCode
from domain.operations.models import MovementKind, StockLevel
from domain.outbox.models import OutboxEvent
from tenants.context import tenant_transaction
from tenants.ownership import scoped


async def make_product(sku: str = "SKU-1", reorder_point: str = "0"):
    warehouse = await operations.create_warehouse(code="MAIN", name="Main warehouse")
    product = await operations.create_product(sku=sku, name="Widget", reorder_point=Decimal(reorder_point), reorder_quantity=Decimal("50"))
    return product, warehouse


async def test_stock_never_goes_negative(tenant):
    async with tenant_transaction(tenant.id):
        product, warehouse = await make_product()
        await operations.adjust_stock(product_id=product.id, warehouse_id=warehouse.id, quantity_change=Decimal("5"), reason="count")
        with pytest.raises(DomainError) as error:
            await operations.adjust_stock(product_id=product.id, warehouse_id=warehouse.id, quantity_change=Decimal("-6"), reason="damage")
        level = await operations.stock_level(product_id=product.id, warehouse_id=warehouse.id)
        movements = await operations.list_movements(product_id=product.id)
    assert (error.value.code, error.value.field) == (OperationsErrorCode.INSUFFICIENT_STOCK, "quantity_change")
    assert level == Decimal("5")
    assert len(movements) == 1


async def test_the_database_refuses_a_negative_stock_level(tenant):
    async with tenant_transaction(tenant.id):
        product, warehouse = await make_product()
        await operations.adjust_stock(product_id=product.id, warehouse_id=warehouse.id, quantity_change=Decimal("1"), reason="count")
        with pytest.raises((IntegrityError, OperationalError)):
            async with in_transaction():
                await scoped(StockLevel).filter(product_id=product.id).update(quantity=Decimal("-1"))


async def test_every_stock_change_is_a_movement_row(tenant):
    async with tenant_transaction(tenant.id):
        product, main = await make_product()
        annex = await operations.create_warehouse(code="ANNEX", name="Annex")
        await operations.adjust_stock(product_id=product.id, warehouse_id=main.id, quantity_change=Decimal("10.5"), reason="opening count")
        await operations.transfer_stock(product_id=product.id, from_warehouse_id=main.id, to_warehouse_id=annex.id, quantity=Decimal("4"))
        shipment = await operations.create_shipment(warehouse_id=annex.id, lines=[operations.ShipmentLineInput(product_id=product.id, quantity=Decimal("1.5"))])
        await operations.ship_shipment(shipment_id=shipment.id, carrier="DHL")
        movements = await operations.list_movements(product_id=product.id)
        levels = {level.warehouse_id: level.quantity for level in await operations.list_stock_levels(product_id=product.id)}
    assert [(m.kind, m.quantity_change) for m in movements] == [
        (MovementKind.ADJUSTMENT, Decimal("10.5")),
        (MovementKind.TRANSFER, Decimal("-4")),
        (MovementKind.TRANSFER, Decimal("4")),
        (MovementKind.SHIPMENT, Decimal("-1.5")),
    ]
    for warehouse_id, quantity in levels.items():
        assert sum(m.quantity_change for m in movements if m.warehouse_id == warehouse_id) == quantity
    assert levels == {main.id: Decimal("6.5"), annex.id: Decimal("2.5")}


async def test_stock_low_is_recorded_once_when_a_movement_crosses_the_reorder_point(tenant):
    async with tenant_transaction(tenant.id):
        product, warehouse = await make_product(reorder_point="10")
        for change in ["15", "-4", "-2", "-1"]:
            await operations.adjust_stock(product_id=product.id, warehouse_id=warehouse.id, quantity_change=Decimal(change), reason="test")
        low = await scoped(OutboxEvent).filter(event_type="operations.stock_low")
    assert len(low) == 1
    assert low[0].payload["on_hand"] == "9.0000" and low[0].payload["reorder_point"] == "10.0000"
    assert low[0].payload["product_id"] == str(product.id)


async def test_a_shipment_lacking_stock_for_one_line_moves_nothing(tenant):
    async with tenant_transaction(tenant.id):
        widget, warehouse = await make_product()
        gadget = await operations.create_product(sku="SKU-2", name="Gadget")
        await operations.adjust_stock(product_id=widget.id, warehouse_id=warehouse.id, quantity_change=Decimal("5"), reason="count")
        await operations.adjust_stock(product_id=gadget.id, warehouse_id=warehouse.id, quantity_change=Decimal("1"), reason="count")
        shipment = await operations.create_shipment(
            warehouse_id=warehouse.id,
            lines=[
                operations.ShipmentLineInput(product_id=widget.id, quantity=Decimal("2")),
                operations.ShipmentLineInput(product_id=gadget.id, quantity=Decimal("3")),
            ],
        )
        with pytest.raises(DomainError) as error:
            await operations.ship_shipment(shipment_id=shipment.id)
        widgets = await operations.stock_level(product_id=widget.id, warehouse_id=warehouse.id)
        shipment = await operations.get_shipment_or_raise(shipment_id=shipment.id)
    assert (error.value.code, error.value.field) == (OperationsErrorCode.INSUFFICIENT_STOCK, "lines.1.quantity")
    assert widgets == Decimal("5")
    assert shipment.status == "pending"
