"""The supplier's purchase-order form (in the content frame): a PO reference and ten line rows."""

from __future__ import annotations

from collections.abc import Sequence

from bots.page_object import Element, PortalPage

LINE_ROWS = 10


class OrderFormPage(PortalPage):
    title = "supplier new purchase order"
    path = "/orders/new"

    po_reference = Element("#po-reference")
    submit_button = Element("#submit-order-button")
    po_reference_error = Element("#po-reference-error")

    async def place_order(self, po_reference: str, lines: Sequence[tuple[str, int]]) -> None:
        """Fill in the form (the page is already shown) and send it; PortalRejected with the supplier's reasons."""
        await self.po_reference.fill(po_reference)
        for row, (sku, quantity) in enumerate(lines, start=1):
            await self.element(f"#sku-{row}").fill(sku)
            await self.element(f"#quantity-{row}").fill(str(quantity))
        await self.submit(self.submit_button)
        row_errors = [
            self.element(f"#{field}-{row}-error") for row in range(1, LINE_ROWS + 1) for field in ("sku", "quantity")
        ]
        await self.reject_if_shown(self.po_reference_error, *row_errors, what=f"purchase order {po_reference}")
