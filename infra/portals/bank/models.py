"""What the bank keeps per tenant: accounts with their statement lines, payments and payment drafts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Literal

PaymentStatus = Literal["pending", "executed"]


@dataclass(frozen=True)
class StatementLine:
    booked_on: date
    description: str
    reference: str
    amount: Decimal  # negative for money going out
    balance: Decimal  # the account balance after this line


@dataclass
class BankAccount:
    iban: str
    name: str
    currency: str
    opening_balance: Decimal
    lines: list[StatementLine] = field(default_factory=list)  # oldest first

    @property
    def balance(self) -> Decimal:
        return self.lines[-1].balance if self.lines else self.opening_balance

    def book(self, *, booked_on: date, description: str, reference: str, amount: Decimal) -> StatementLine:
        line = StatementLine(booked_on, description, reference, amount, self.balance + amount)
        self.lines.append(line)
        return line


@dataclass(frozen=True)
class PaymentDraft:
    """A payment entered but not yet authorised; it becomes a Payment once the one-time code is given."""

    draft_id: str
    from_iban: str
    beneficiary_name: str
    beneficiary_iban: str
    amount: Decimal
    currency: str
    reference: str
    reviewed: bool = False


@dataclass
class Payment:
    payment_id: str
    from_iban: str
    beneficiary_name: str
    beneficiary_iban: str
    amount: Decimal
    currency: str
    reference: str
    created_at: datetime
    status: PaymentStatus = "pending"
    executed_at: datetime | None = None


@dataclass
class BankCustomer:
    tenant_slug: str
    accounts: dict[str, BankAccount] = field(default_factory=dict)  # by IBAN, in display order
    payments: list[Payment] = field(default_factory=list)  # oldest first
    drafts: dict[str, PaymentDraft] = field(default_factory=dict)
