"""What the tax bot takes and gives back."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pydantic import Field

from bots.bot_definition import BotParams
from bots.records import Artifact
from bots.write_ledger import WriteIntent

PERIOD_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"


class FileVatReturnParams(BotParams):
    period: str = Field(pattern=PERIOD_PATTERN, description="the VAT period, YYYY-MM")
    vat_number: str = Field(min_length=4, max_length=20, description="the taxpayer's VAT number, e.g. NL123456789B01")
    output_vat: Decimal = Field(ge=0, max_digits=15, decimal_places=2, description="VAT charged on sales")
    input_vat: Decimal = Field(ge=0, max_digits=15, decimal_places=2, description="VAT paid on purchases")

    @property
    def net_payable(self) -> Decimal:
        return self.output_vat - self.input_vat

    def write_intent(self) -> WriteIntent:
        """The filing as the exactly-once ledger records it: one return per taxpayer and period."""
        return WriteIntent(
            scope="tax.vat_return",
            key=f"{self.vat_number}:{self.period}",
            summary={
                "period": self.period,
                "vat_number": self.vat_number,
                "output_vat": f"{self.output_vat:.2f}",
                "input_vat": f"{self.input_vat:.2f}",
            },
        )


@dataclass(frozen=True)
class VatReturnFiled:
    period: str
    vat_number: str
    receipt_number: str
    net_payable: Decimal  # negative: a refund
    filed_at: str  # as the portal shows it, YYYY-MM-DD HH:MM
    receipt_pdf: Artifact
    already_filed: bool  # True: an earlier run had filed it; this run only fetched the receipt
