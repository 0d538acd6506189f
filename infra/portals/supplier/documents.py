"""The invoice for an invoiced order, as the PDF the customer downloads."""

from __future__ import annotations

from infra.portals.amounts import format_amount
from infra.portals.pdf import PdfDocument
from infra.portals.supplier.models import Order, SupplierCustomer
from infra.portals.supplier.state import SupplierPortalState


def invoice_pdf(customer: SupplierCustomer, order: Order) -> bytes:
    """Needs an invoiced order (one with an invoice number and date)."""
    assert order.invoice_number and order.invoiced_at, "only invoiced orders have an invoice"
    return PdfDocument(
        issuer="Meridian Industrial Supply B.V.",
        title=f"Invoice {order.invoice_number}",
        created_at=order.invoiced_at,
        facts=[
            ("Invoice number", order.invoice_number),
            ("Invoice date", order.invoiced_at.strftime("%Y-%m-%d")),
            ("Customer", f"{customer.company_name} ({customer.customer_number})"),
            ("Order number", order.order_number),
            ("Your PO reference", order.po_reference),
            ("Order date", order.submitted_at.strftime("%Y-%m-%d")),
        ],
        table_headers=["SKU", "Description", "Qty", "Unit price", "Amount"],
        table_rows=[
            [line.sku, line.name[:48], str(line.quantity), format_amount(line.unit_price), format_amount(line.total)]
            for line in order.lines
        ],
        column_widths=[25, 95, 15, 25, 30],
        totals=[
            ("Net total (EUR)", format_amount(order.net_total)),
            ("VAT 21% (EUR)", format_amount(order.vat)),
            ("Total due (EUR)", format_amount(order.gross_total)),
        ],
        footer=f"Payment terms: 30 days net. Please quote {order.invoice_number} with your payment. "
        f"Issued through the {SupplierPortalState.title}.",
    ).render()


def invoice_filename(order: Order) -> str:
    return f"invoice-{order.invoice_number}.pdf"
