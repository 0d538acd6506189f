"""Operations mutations, one per module."""

import strawberry

from api.operations.mutations.adjust_stock import AdjustStockPayload, adjust_stock
from api.operations.mutations.cancel_purchase_order import CancelPurchaseOrderPayload, cancel_purchase_order
from api.operations.mutations.cancel_shipment import CancelShipmentPayload, cancel_shipment
from api.operations.mutations.create_product import CreateProductPayload, create_product
from api.operations.mutations.create_purchase_order import CreatePurchaseOrderPayload, create_purchase_order
from api.operations.mutations.create_shipment import CreateShipmentPayload, create_shipment
from api.operations.mutations.create_supplier import CreateSupplierPayload, create_supplier
from api.operations.mutations.create_warehouse import CreateWarehousePayload, create_warehouse
from api.operations.mutations.mark_shipment_delivered import MarkShipmentDeliveredPayload, mark_shipment_delivered
from api.operations.mutations.receive_goods import ReceiveGoodsPayload, receive_goods
from api.operations.mutations.set_preferred_supplier import SetPreferredSupplierPayload, set_preferred_supplier
from api.operations.mutations.ship_shipment import ShipShipmentPayload, ship_shipment
from api.operations.mutations.transfer_stock import TransferStockPayload, transfer_stock
from api.operations.mutations.update_product import UpdateProductPayload, update_product
from api.permissions import Requires
from tenants.permissions import Scope

OPERATIONS_WRITE = [Requires(Scope.OPERATIONS_WRITE)]


@strawberry.type
class OperationsMutation:
    create_supplier: CreateSupplierPayload = strawberry.mutation(
        resolver=create_supplier, permission_classes=OPERATIONS_WRITE, description="Add a supplier."
    )
    create_product: CreateProductPayload = strawberry.mutation(
        resolver=create_product, permission_classes=OPERATIONS_WRITE, description="Add a product to the catalogue."
    )
    update_product: UpdateProductPayload = strawberry.mutation(
        resolver=update_product, permission_classes=OPERATIONS_WRITE, description="Rename a product, change its reorder settings or retire it."
    )
    set_preferred_supplier: SetPreferredSupplierPayload = strawberry.mutation(
        resolver=set_preferred_supplier, permission_classes=OPERATIONS_WRITE, description="Choose the supplier a product is reordered from."
    )
    create_warehouse: CreateWarehousePayload = strawberry.mutation(
        resolver=create_warehouse, permission_classes=OPERATIONS_WRITE, description="Add a warehouse."
    )
    adjust_stock: AdjustStockPayload = strawberry.mutation(
        resolver=adjust_stock, permission_classes=OPERATIONS_WRITE,
        description="Correct a stock level by a signed quantity, with a reason; recorded as a movement, never below zero.",
    )
    transfer_stock: TransferStockPayload = strawberry.mutation(
        resolver=transfer_stock, permission_classes=OPERATIONS_WRITE, description="Move stock between two warehouses: two movements, all or nothing."
    )
    create_purchase_order: CreatePurchaseOrderPayload = strawberry.mutation(
        resolver=create_purchase_order, permission_classes=OPERATIONS_WRITE, description="Order goods from a supplier."
    )
    cancel_purchase_order: CancelPurchaseOrderPayload = strawberry.mutation(
        resolver=cancel_purchase_order, permission_classes=OPERATIONS_WRITE, description="Cancel an order nothing has arrived against."
    )
    receive_goods: ReceiveGoodsPayload = strawberry.mutation(
        resolver=receive_goods, permission_classes=OPERATIONS_WRITE,
        description="Book goods that arrived against a purchase order into its warehouse, never more than was ordered.",
    )
    create_shipment: CreateShipmentPayload = strawberry.mutation(
        resolver=create_shipment, permission_classes=OPERATIONS_WRITE, description="Prepare a shipment; stock moves when it ships."
    )
    ship_shipment: ShipShipmentPayload = strawberry.mutation(
        resolver=ship_shipment, permission_classes=OPERATIONS_WRITE,
        description="Take a shipment's goods out of stock and mark it shipped; refused whole if any line lacks stock.",
    )
    mark_shipment_delivered: MarkShipmentDeliveredPayload = strawberry.mutation(
        resolver=mark_shipment_delivered, permission_classes=OPERATIONS_WRITE, description="Record that a shipment arrived."
    )
    cancel_shipment: CancelShipmentPayload = strawberry.mutation(
        resolver=cancel_shipment, permission_classes=OPERATIONS_WRITE, description="Cancel a shipment that has not shipped."
    )
