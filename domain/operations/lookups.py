"""Operations batch reads: the lines of many purchase orders, goods receipts or shipments in one
query (what the graph's DataLoaders call)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from tortoise.queryset import QuerySet

from domain.operations.models import GoodsReceiptLine, PurchaseOrderLine, ShipmentLine
from tenants.ownership import scoped


def lines_of_purchase_orders(*, purchase_order_ids: Sequence[uuid.UUID] | None = None) -> QuerySet[PurchaseOrderLine]:
    """Purchase order lines with their order (its currency prices them), each order's in order, optionally of some orders."""
    query = scoped(PurchaseOrderLine).select_related("purchase_order")
    if purchase_order_ids is not None:
        query = query.filter(purchase_order_id__in=list(purchase_order_ids))
    return query.order_by("position", "id")


def lines_of_goods_receipts(*, receipt_ids: Sequence[uuid.UUID] | None = None) -> QuerySet[GoodsReceiptLine]:
    """Goods receipt lines, optionally of some receipts."""
    query = scoped(GoodsReceiptLine)
    if receipt_ids is not None:
        query = query.filter(receipt_id__in=list(receipt_ids))
    return query.order_by("created_at", "id")


def lines_of_shipments(*, shipment_ids: Sequence[uuid.UUID] | None = None) -> QuerySet[ShipmentLine]:
    """Shipment lines, each shipment's in order, optionally of some shipments."""
    query = scoped(ShipmentLine)
    if shipment_ids is not None:
        query = query.filter(shipment_id__in=list(shipment_ids))
    return query.order_by("position", "id")
