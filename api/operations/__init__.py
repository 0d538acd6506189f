"""Operations (logistics) in the graph."""

from api.operations.mutations import OperationsMutation
from api.operations.queries import OperationsQuery
from api.operations.types import (
    GoodsReceiptLineNode,
    GoodsReceiptNode,
    ProductNode,
    PurchaseOrderLineNode,
    PurchaseOrderNode,
    ShipmentLineNode,
    ShipmentNode,
    StockLevelNode,
    StockMovementNode,
    SupplierNode,
    WarehouseNode,
)

NODE_TYPES = [
    ProductNode, WarehouseNode, StockLevelNode, StockMovementNode, SupplierNode, PurchaseOrderNode, PurchaseOrderLineNode,
    GoodsReceiptNode, GoodsReceiptLineNode, ShipmentNode, ShipmentLineNode,
]

__all__ = ["NODE_TYPES", "OperationsMutation", "OperationsQuery", "ProductNode", "SupplierNode"]
