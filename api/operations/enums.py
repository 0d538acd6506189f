"""Operations enums in the graph: the domain's own enums, so a value means the same on both sides."""

from __future__ import annotations

import strawberry

from domain.operations import models

MovementKind = strawberry.enum(models.MovementKind, name="MovementKind", description="Why a stock level changed.")
PurchaseOrderStatus = strawberry.enum(models.PurchaseOrderStatus, name="PurchaseOrderStatus", description="How far a purchase order has arrived.")
ShipmentStatus = strawberry.enum(models.ShipmentStatus, name="ShipmentStatus", description="Where a shipment is.")
