"""The generator's own record of dated stock, so that goods leave a warehouse only after they arrived."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date
from decimal import Decimal


class StockBook:
    """Receipts by date and issues in date order per product and warehouse.

    Issues must be asked for in date order: an issue on `day` is allowed only if what arrived by `day`
    less everything issued so far covers it, so the stock level is never negative at any point in time.
    """

    def __init__(self) -> None:
        self._receipts: dict[tuple[uuid.UUID, uuid.UUID], list[tuple[date, Decimal]]] = defaultdict(list)
        self._issued: dict[tuple[uuid.UUID, uuid.UUID], Decimal] = defaultdict(Decimal)

    def receive(self, *, product_id: uuid.UUID, warehouse_id: uuid.UUID, on: date, quantity: Decimal) -> None:
        self._receipts[(product_id, warehouse_id)].append((on, quantity))

    def available(self, *, product_id: uuid.UUID, warehouse_id: uuid.UUID, on: date) -> Decimal:
        key = (product_id, warehouse_id)
        arrived = sum((quantity for day, quantity in self._receipts[key] if day <= on), Decimal(0))
        return arrived - self._issued[key]

    def can_issue(self, *, warehouse_id: uuid.UUID, on: date, lines: list[tuple[uuid.UUID, Decimal]]) -> bool:
        """Whether the warehouse holds every line's quantity on `on` (a product on two lines counts twice)."""
        needed: dict[uuid.UUID, Decimal] = defaultdict(Decimal)
        for product_id, quantity in lines:
            needed[product_id] += quantity
        return all(self.available(product_id=product_id, warehouse_id=warehouse_id, on=on) >= quantity for product_id, quantity in needed.items())

    def issue(self, *, warehouse_id: uuid.UUID, lines: list[tuple[uuid.UUID, Decimal]]) -> None:
        for product_id, quantity in lines:
            self._issued[(product_id, warehouse_id)] += quantity
