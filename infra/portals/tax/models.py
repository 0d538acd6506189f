"""What the tax authority records: taxpayers and their filed VAT returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal


@dataclass(frozen=True)
class VatReturn:
    period: str
    vat_number: str
    output_vat: Decimal
    input_vat: Decimal
    receipt_number: str
    filed_at: datetime

    @property
    def net_payable(self) -> Decimal:
        """What the taxpayer owes; negative means a refund is due."""
        return self.output_vat - self.input_vat


@dataclass
class Taxpayer:
    tenant_slug: str
    company_name: str
    vat_number: str
    returns: dict[str, VatReturn] = field(default_factory=dict)  # by period
