"""The supplier portal's state: customers per tenant, catalogue search, purchase orders and their progress."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Literal

from infra.portals.accounts import PortalAccount
from infra.portals.clock import SandboxClock
from infra.portals.portal_state import PortalState
from infra.portals.supplier.models import ORDER_STATUSES, Order, OrderLine, Product, SupplierCustomer
from infra.portals.supplier.seed import seed_customer

OrderProgress = Literal["per_view", "manual"]


class UnknownOrder(LookupError):
    """No order with that number (for this customer)."""


class SupplierPortalState(PortalState):
    """The supplier portal's data and switches.

    Orders move submitted -> confirmed -> shipped -> invoiced. With `order_progress="per_view"`
    (the default) each view of an order's status page moves it one step on before showing it;
    with `"manual"` only `advance_order` (or `POST /_sandbox/orders/advance`) moves it.
    """

    portal_name = "supplier"
    title = "Meridian Industrial Supply - Partner Extranet"

    def __init__(
        self,
        accounts: Iterable[PortalAccount],
        *,
        session_timeout: float = 900,
        seed: int = 0,
        clock: SandboxClock | None = None,
        order_progress: OrderProgress = "per_view",
    ) -> None:
        super().__init__(accounts, session_timeout=session_timeout, seed=seed, clock=clock)
        self.order_progress: OrderProgress = order_progress
        serials = random.Random(f"{seed}/supplier/serials")
        self._order_serial = serials.randrange(20_000, 30_000)
        self._invoice_serial = serials.randrange(50_000, 60_000)
        now = self.clock.now()
        self.customers = {
            slug: seed_customer(
                slug,
                seed=seed,
                now=now,
                next_order_number=self._next_order_number,
                next_invoice_number=self._next_invoice_number,
            )
            for slug in self.tenant_slugs
        }

    def customer(self, username: str) -> SupplierCustomer:
        return self.customers[self.tenant_of(username)]

    def search(self, username: str, text: str) -> list[Product]:
        """Products whose SKU or name contains every word of `text` (any case); all of them for blank text."""
        words = text.lower().split()
        return [
            product
            for product in self.customer(username).catalogue.values()
            if all(word in f"{product.sku} {product.name}".lower() for word in words)
        ]

    def submit_order(self, username: str, *, po_reference: str, lines: Sequence[tuple[str, int]]) -> Order:
        """Place an order for checked (SKU, quantity) lines, taking the quantities out of stock."""
        customer = self.customer(username)
        now = self.clock.now()
        order_lines = []
        for sku, quantity in lines:
            product = customer.catalogue[sku]
            product.stock -= quantity
            order_lines.append(OrderLine(sku=sku, name=product.name, quantity=quantity, unit_price=product.unit_price))
        order = Order(order_number=self._next_order_number(now), po_reference=po_reference, lines=order_lines, submitted_at=now)
        customer.orders.append(order)
        return order

    def orders_of(self, username: str) -> list[Order]:
        """The newest first."""
        return self.customer(username).orders[::-1]

    def order(self, username: str, order_number: str) -> Order:
        for order in self.customer(username).orders:
            if order.order_number == order_number:
                return order
        raise UnknownOrder(order_number)

    def view_order(self, username: str, order_number: str) -> Order:
        """The order as its status page shows it, moved one step on first when progress is per view."""
        order = self.order(username, order_number)
        if self.order_progress == "per_view":
            self._advance(order, 1)
        return order

    def advance_order(self, order_number: str, steps: int = 1) -> Order:
        """Move any customer's order `steps` statuses on (never past invoiced)."""
        for customer in self.customers.values():
            for order in customer.orders:
                if order.order_number == order_number:
                    self._advance(order, steps)
                    return order
        raise UnknownOrder(order_number)

    def _advance(self, order: Order, steps: int) -> None:
        position = min(ORDER_STATUSES.index(order.status) + steps, len(ORDER_STATUSES) - 1)
        order.status = ORDER_STATUSES[position]
        if order.status == "invoiced" and order.invoice_number is None:
            order.invoiced_at = self.clock.now()
            order.invoice_number = self._next_invoice_number(order.invoiced_at)

    def _next_order_number(self, at: datetime) -> str:
        self._order_serial += 1
        return f"SO-{at.year}-{self._order_serial:06d}"

    def _next_invoice_number(self, at: datetime) -> str:
        self._invoice_serial += 1
        return f"MIS-INV-{at.year}-{self._invoice_serial:06d}"
