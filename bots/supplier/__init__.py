"""The supplier extranet bot: page objects in `pages/`, the bot in `flows.py`."""

from bots.supplier.flows import submit_purchase_order
from bots.supplier.params import OrderLineParams, PurchaseOrderInvoiced, SubmitPurchaseOrderParams

__all__ = ["OrderLineParams", "PurchaseOrderInvoiced", "SubmitPurchaseOrderParams", "submit_purchase_order"]
