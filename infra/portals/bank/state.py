"""The bank portal's state: customers per tenant, statements, the second factor, and payment execution."""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

import pyotp

from infra.portals.accounts import PortalAccount
from infra.portals.bank.models import BankAccount, BankCustomer, Payment, PaymentDraft, StatementLine
from infra.portals.bank.seed import seed_customer
from infra.portals.clock import SandboxClock
from infra.portals.portal_state import PortalState


class UnknownDraft(LookupError):
    """No payment draft with that id for this user (never made, or already authorised)."""


class InvalidOneTimeCode(ValueError):
    """The one-time code does not match the user's authenticator."""


class BankPortalState(PortalState):
    """The bank portal's data and switches.

    A payment is `pending` when authorised and `executed` once `payment_execution_delay` seconds
    of sandbox time have passed (0 executes it at once); execution books the debit on the
    statement. The portal deliberately accepts duplicate payments: idempotency is the bot's job.
    """

    portal_name = "bank"
    title = "Hanseatic Savings Bank - NetBanking"

    def __init__(
        self,
        accounts: Iterable[PortalAccount],
        *,
        session_timeout: float = 900,
        seed: int = 0,
        clock: SandboxClock | None = None,
        payment_execution_delay: float = 60,
    ) -> None:
        super().__init__(accounts, session_timeout=session_timeout, seed=seed, clock=clock)
        self.payment_execution_delay = payment_execution_delay
        today = self.clock.today()
        self.customers = {slug: seed_customer(slug, seed=seed, today=today) for slug in self.tenant_slugs}
        self._serial = random.Random(f"{seed}/bank/payments").randrange(10_000_000, 20_000_000)

    def customer(self, username: str) -> BankCustomer:
        return self.customers[self.tenant_of(username)]

    def verify_totp(self, username: str, code: str) -> bool:
        """The user's current 6-digit TOTP (one 30 s step either side is accepted, as authenticators drift)."""
        seed = self.accounts[username].totp_seed
        code = code.strip()
        if not seed or len(code) != 6 or not code.isdigit():
            return False
        return pyotp.TOTP(seed).verify(code, for_time=self.clock.now(), valid_window=1)

    def accounts_of(self, username: str) -> list[BankAccount]:
        self.execute_due_payments()
        return list(self.customer(username).accounts.values())

    def account(self, username: str, iban: str) -> BankAccount | None:
        self.execute_due_payments()
        return self.customer(username).accounts.get(iban)

    def statement(
        self, account: BankAccount, *, date_from: date | None = None, date_to: date | None = None
    ) -> list[StatementLine]:
        """The account's lines between the dates (both inclusive), the newest first."""
        lines = [
            line
            for line in account.lines
            if (date_from is None or line.booked_on >= date_from) and (date_to is None or line.booked_on <= date_to)
        ]
        return lines[::-1]

    def available_balance(self, username: str, account: BankAccount) -> Decimal:
        """The balance less payments authorised from the account but not yet executed."""
        pending = sum(
            (p.amount for p in self.customer(username).payments if p.status == "pending" and p.from_iban == account.iban),
            Decimal(0),
        )
        return account.balance - pending

    def create_draft(self, username: str, **details: object) -> PaymentDraft:
        """Keep a checked payment for review; `details` are PaymentDraft's fields other than the id."""
        draft = PaymentDraft(draft_id=f"D{self._next_serial()}", **details)  # type: ignore[arg-type]
        self.customer(username).drafts[draft.draft_id] = draft
        return draft

    def draft(self, username: str, draft_id: str) -> PaymentDraft:
        try:
            return self.customer(username).drafts[draft_id]
        except KeyError:
            raise UnknownDraft(draft_id) from None

    def mark_reviewed(self, username: str, draft_id: str) -> PaymentDraft:
        draft = self.draft(username, draft_id)
        reviewed = dataclasses.replace(draft, reviewed=True)
        self.customer(username).drafts[draft_id] = reviewed
        return reviewed

    def authorise(self, username: str, draft_id: str, one_time_code: str) -> Payment:
        """Turn a reviewed draft into a pending payment, given the user's current TOTP code."""
        draft = self.draft(username, draft_id)
        if not self.verify_totp(username, one_time_code):
            raise InvalidOneTimeCode()
        customer = self.customer(username)
        del customer.drafts[draft_id]
        payment = Payment(
            payment_id=f"PAY-{self._next_serial()}",
            from_iban=draft.from_iban,
            beneficiary_name=draft.beneficiary_name,
            beneficiary_iban=draft.beneficiary_iban,
            amount=draft.amount,
            currency=draft.currency,
            reference=draft.reference,
            created_at=self.clock.now(),
        )
        customer.payments.append(payment)
        self.execute_due_payments()
        return payment

    def payments_of(self, username: str) -> list[Payment]:
        """The newest first."""
        self.execute_due_payments()
        return self.customer(username).payments[::-1]

    def payment(self, username: str, payment_id: str) -> Payment | None:
        return next((p for p in self.payments_of(username) if p.payment_id == payment_id), None)

    def execute_due_payments(self) -> None:
        """Execute every pending payment whose delay has passed, booking it on its account."""
        now = self.clock.now()
        due_after = timedelta(seconds=self.payment_execution_delay)
        for customer in self.customers.values():
            for payment in customer.payments:
                if payment.status == "pending" and now >= payment.created_at + due_after:
                    payment.status, payment.executed_at = "executed", now
                    customer.accounts[payment.from_iban].book(
                        booked_on=now.date(),
                        description=f"SEPA TRANSFER {payment.beneficiary_name.upper()}",
                        reference=payment.reference,
                        amount=-payment.amount,
                    )

    def _next_serial(self) -> int:
        self._serial += 1
        return self._serial
