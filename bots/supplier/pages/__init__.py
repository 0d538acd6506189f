"""Page objects of the supplier extranet, one per page; all but login and the frameset live in the content frame."""

from bots.supplier.pages.frameset import SupplierFrameset
from bots.supplier.pages.login_page import SupplierLoginPage
from bots.supplier.pages.order_form_page import OrderFormPage
from bots.supplier.pages.order_status_page import InvoiceLine, OrderStatus, OrderStatusPage
from bots.supplier.pages.order_submitted_page import OrderSubmittedPage
from bots.supplier.pages.orders_page import OrderListing, OrdersPage

__all__ = [
    "InvoiceLine",
    "OrderFormPage",
    "OrderListing",
    "OrderStatus",
    "OrderStatusPage",
    "OrderSubmittedPage",
    "OrdersPage",
    "SupplierFrameset",
    "SupplierLoginPage",
]
