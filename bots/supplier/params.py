"""What the supplier bot takes and gives back."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from bots.bot_definition import BotParams
from bots.records import Artifact
from bots.supplier.pages import InvoiceLine
from bots.write_ledger import WriteIntent


class OrderLineParams(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    sku: str = Field(pattern=r"^[A-Za-z0-9-]{1,20}$")
    quantity: int = Field(ge=1, le=9999)


class SubmitPurchaseOrderParams(BotParams):
    po_reference: str = Field(min_length=1, max_length=35, description="our purchase order number")
    lines: list[OrderLineParams] = Field(min_length=1, max_length=10)
    poll_interval_seconds: float = Field(default=5.0, gt=0, le=600, description="between looks at the order's status")
    invoice_wait_seconds: float = Field(default=600.0, ge=0, le=86_400, description="how long to wait for the invoice")

    def write_intent(self) -> WriteIntent:
        """The order as the exactly-once ledger records it: one order per PO reference."""
        return WriteIntent(
            scope="supplier.purchase_order",
            key=self.po_reference,
            summary={"po_reference": self.po_reference, "lines": [[line.sku, line.quantity] for line in self.lines]},
        )


@dataclass(frozen=True)
class PurchaseOrderInvoiced:
    order_number: str
    po_reference: str
    invoice_number: str
    lines: list[InvoiceLine]
    net_total: Decimal
    vat: Decimal
    invoice_pdf: Artifact
    already_submitted: bool  # True: an earlier run had placed the order; this one only followed it up
