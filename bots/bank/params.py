"""What the bank bots take and give back."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from pydantic import Field, field_validator, model_validator

from bots.bot_definition import BotParams
from bots.portal_values import compact_iban
from bots.records import Artifact
from bots.write_ledger import WriteIntent

IBAN_PATTERN = r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$"


def checked_iban(value: str | None) -> str | None:
    """The IBAN without spaces, if its format and mod-97 check digits are right."""
    if value is None:
        return None
    iban = compact_iban(value)
    if not _iban_checksum_ok(iban):
        raise ValueError("not a valid IBAN (check digits do not match)")
    return iban


def _as_date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def _iban_checksum_ok(iban: str) -> bool:
    if not re.match(IBAN_PATTERN, iban):
        return False
    digits = "".join(str(int(character, 36)) for character in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


DEFAULT_STATEMENT_DAYS = 30


class DownloadStatementsParams(BotParams):
    account_iban: str | None = Field(default=None, description="the account; the first account when omitted")
    date_from: date = Field(description=f"the first day; {DEFAULT_STATEMENT_DAYS} days before date_to when omitted")
    date_to: date = Field(description="the last day; today (UTC) when omitted")

    @model_validator(mode="before")
    @classmethod
    def _default_period(cls, data: object) -> object:
        """The last 30 days when no dates are given, so `concord bots run bank.download_statements --tenant acme`
        needs no params. The defaults are filled in once, when the run is started: a stored run keeps its dates."""
        if not isinstance(data, dict):
            return data
        data = dict(data)
        if data.get("date_to") in (None, ""):
            data["date_to"] = datetime.now(UTC).date()
        if data.get("date_from") in (None, ""):
            date_to = _as_date(data["date_to"]) or datetime.now(UTC).date()  # a bad date_to is reported on its own
            data["date_from"] = date_to - timedelta(days=DEFAULT_STATEMENT_DAYS)
        return data

    @field_validator("account_iban")
    @classmethod
    def _valid_iban(cls, value: str | None) -> str | None:
        return checked_iban(value)

    @model_validator(mode="after")
    def _dates_in_order(self) -> DownloadStatementsParams:
        if self.date_from > self.date_to:
            raise ValueError("date_from must not be after date_to")
        return self


class SubmitPaymentParams(BotParams):
    beneficiary: str = Field(min_length=1, max_length=70)
    iban: str = Field(description="the beneficiary's IBAN")
    amount: Decimal = Field(gt=0, max_digits=15, decimal_places=2)
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    reference: str = Field(
        default="", max_length=100, description="what the beneficiary sees, e.g. their invoice number"
    )
    idempotency_key: str = Field(
        pattern=r"^[A-Za-z0-9-]{8,36}$", description="the same key for every attempt at the same payment"
    )
    from_account: str | None = Field(
        default=None, description="IBAN to pay from; the first account in the currency when omitted"
    )

    @field_validator("iban", "from_account")
    @classmethod
    def _valid_ibans(cls, value: str | None) -> str | None:
        return checked_iban(value)

    @property
    def idempotency_tag(self) -> str:
        return f"CK:{self.idempotency_key}"

    @property
    def portal_reference(self) -> str:
        """The reference sent to the bank: the caller's, tagged with the idempotency key so a retry can find it."""
        return f"{self.reference} {self.idempotency_tag}" if self.reference else self.idempotency_tag

    def write_intent(self) -> WriteIntent:
        """The payment as the exactly-once ledger records it."""
        return WriteIntent(
            scope="bank.payment",
            key=self.idempotency_key,
            summary={
                "beneficiary": self.beneficiary,
                "iban": self.iban,
                "amount": f"{self.amount:.2f}",
                "currency": self.currency,
                "reference": self.portal_reference,
            },
        )


@dataclass(frozen=True)
class StatementLine:
    date: date
    description: str
    reference: str
    amount: Decimal  # negative: money going out
    balance: Decimal


@dataclass(frozen=True)
class StatementsDownloaded:
    iban: str
    account_name: str
    currency: str
    date_from: date
    date_to: date
    csv: Artifact
    lines: list[StatementLine]  # the newest first, as the bank lists them


@dataclass(frozen=True)
class PaymentSubmitted:
    payment_id: str
    status: str  # as the bank shows it: "Pending" or "Executed"
    beneficiary: str
    iban: str
    amount: Decimal
    currency: str
    reference: str  # as sent to the bank, idempotency tag included
    already_submitted: bool  # True: found from an earlier attempt, not paid again
