"""What the supplier keeps per customer (tenant): a catalogue with stock, and purchase orders."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Literal

OrderStatus = Literal["submitted", "confirmed", "shipped", "invoiced"]
ORDER_STATUSES: tuple[OrderStatus, ...] = ("submitted", "confirmed", "shipped", "invoiced")
VAT_RATE = Decimal("0.21")


@dataclass
class Product:
    sku: str
    name: str
    unit: str
    unit_price: Decimal  # EUR, excluding VAT
    stock: int


@dataclass(frozen=True)
class OrderLine:
    sku: str
    name: str
    quantity: int
    unit_price: Decimal

    @property
    def total(self) -> Decimal:
        return self.unit_price * self.quantity


@dataclass
class Order:
    order_number: str
    po_reference: str
    lines: list[OrderLine]
    submitted_at: datetime
    status: OrderStatus = "submitted"
    invoice_number: str | None = None
    invoiced_at: datetime | None = None

    @property
    def net_total(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal(0))

    @property
    def vat(self) -> Decimal:
        return (self.net_total * VAT_RATE).quantize(Decimal("0.01"))

    @property
    def gross_total(self) -> Decimal:
        return self.net_total + self.vat


@dataclass
class SupplierCustomer:
    tenant_slug: str
    customer_number: str
    company_name: str
    catalogue: dict[str, Product] = field(default_factory=dict)  # by SKU
    orders: list[Order] = field(default_factory=list)  # oldest first
