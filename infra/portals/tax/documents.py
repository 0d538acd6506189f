"""The VAT return receipt, as the PDF a taxpayer downloads."""

from __future__ import annotations

from infra.portals.amounts import format_amount
from infra.portals.pdf import PdfDocument
from infra.portals.tax.models import Taxpayer, VatReturn
from infra.portals.tax.state import TaxPortalState


def receipt_pdf(taxpayer: Taxpayer, vat_return: VatReturn) -> bytes:
    return PdfDocument(
        issuer=TaxPortalState.title,
        title=f"Receipt for VAT return {vat_return.period}",
        created_at=vat_return.filed_at,
        facts=[
            ("Receipt number", vat_return.receipt_number),
            ("Taxpayer", taxpayer.company_name),
            ("VAT number", vat_return.vat_number),
            ("Tax period", vat_return.period),
            ("Filed at", vat_return.filed_at.strftime("%Y-%m-%d %H:%M UTC")),
            ("Output VAT (EUR)", format_amount(vat_return.output_vat)),
            ("Input VAT (EUR)", format_amount(vat_return.input_vat)),
            ("Net VAT payable (EUR)", format_amount(vat_return.net_payable)),
        ],
        footer="This receipt confirms that the return was received. It is not an assessment. Keep it for your records.",
    ).render()


def receipt_filename(vat_return: VatReturn) -> str:
    return f"vat-receipt-{vat_return.receipt_number}.pdf"
