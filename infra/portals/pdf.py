"""Plain one-page PDF documents (receipts, invoices) in the style of an old portal's print-out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from fpdf import FPDF
from starlette.responses import Response


@dataclass
class PdfDocument:
    """What goes on the page, top to bottom: issuer, title, label/value facts, a table, totals."""

    issuer: str
    title: str
    created_at: datetime
    facts: Sequence[tuple[str, str]] = ()
    table_headers: Sequence[str] = ()
    table_rows: Sequence[Sequence[str]] = ()
    column_widths: Sequence[float] = ()
    totals: Sequence[tuple[str, str]] = ()
    footer: str = ""

    def render(self) -> bytes:
        pdf = FPDF(format="A4")
        pdf.set_creation_date(self.created_at)  # a fixed date keeps the bytes reproducible under a frozen clock
        pdf.set_title(_latin1(self.title))
        pdf.set_author(_latin1(self.issuer))
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 14)
        pdf.cell(0, 8, _latin1(self.issuer), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "B", 12)
        pdf.cell(0, 8, _latin1(self.title), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        pdf.set_font("Helvetica", "", 10)
        for label, value in self.facts:
            pdf.cell(50, 6, _latin1(label))
            pdf.cell(0, 6, _latin1(value), new_x="LMARGIN", new_y="NEXT")
        if self.table_headers:
            pdf.ln(4)
            self._table(pdf)
        if self.totals:
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 10)
            for label, value in self.totals:
                pdf.cell(140, 6, _latin1(label), align="R")
                pdf.cell(0, 6, _latin1(value), align="R", new_x="LMARGIN", new_y="NEXT")
        if self.footer:
            pdf.ln(8)
            pdf.set_font("Helvetica", "I", 8)
            pdf.multi_cell(0, 4, _latin1(self.footer))
        return bytes(pdf.output())

    def _table(self, pdf: FPDF) -> None:
        widths = list(self.column_widths) or [190 / len(self.table_headers)] * len(self.table_headers)
        pdf.set_font("Helvetica", "B", 9)
        for header, width in zip(self.table_headers, widths, strict=True):
            pdf.cell(width, 6, _latin1(header), border=1)
        pdf.ln()
        pdf.set_font("Helvetica", "", 9)
        for row in self.table_rows:
            for cell, width in zip(row, widths, strict=True):
                pdf.cell(width, 6, _latin1(cell), border=1)
            pdf.ln()


def pdf_download(content: bytes, filename: str) -> Response:
    """A PDF the browser saves rather than shows."""
    return Response(
        content,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _latin1(text: str) -> str:
    # The built-in PDF fonts only cover Latin-1; anything else would make fpdf2 raise.
    return text.encode("latin-1", "replace").decode("latin-1")
