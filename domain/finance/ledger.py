"""The double-entry ledger: a chart of accounts, journals that balance when posted and never
change afterwards, and reversal journals as the only way to correct one."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain import clock
from domain.errors import DomainError
from domain.finance.errors import FinanceErrorCode
from domain.finance.models import Account, AccountType, Journal, JournalEntry, JournalStatus, SystemAccount
from domain.money import currency_code
from domain.sequences.service import next_number
from domain.validation import non_negative_decimal, optional_text, required_text
from tenants.ownership import create_owned, scoped

# The accounts a new tenant's ledger starts with: (code, name, type, role).
DEFAULT_CHART = [
    ("1100", "Accounts receivable", AccountType.ASSET, SystemAccount.ACCOUNTS_RECEIVABLE),
    ("1200", "Bank", AccountType.ASSET, SystemAccount.BANK),
    ("1400", "Input VAT", AccountType.ASSET, SystemAccount.VAT_INPUT),
    ("2000", "Accounts payable", AccountType.LIABILITY, SystemAccount.ACCOUNTS_PAYABLE),
    ("2100", "Output VAT", AccountType.LIABILITY, SystemAccount.VAT_OUTPUT),
    ("4000", "Sales revenue", AccountType.INCOME, SystemAccount.REVENUE),
    ("6000", "Purchases and expenses", AccountType.EXPENSE, SystemAccount.EXPENSE),
]


@dataclass(frozen=True)
class EntryInput:
    account_id: uuid.UUID
    debit: Decimal = Decimal(0)
    credit: Decimal = Decimal(0)
    description: str | None = None


# Accounts


def list_accounts() -> QuerySet[Account]:
    """The chart of accounts by code."""
    return scoped(Account).order_by("code")


async def get_account_or_raise(*, account_id: uuid.UUID, field: str = "account_id") -> Account:
    """The account with this id, or NOT_FOUND."""
    account = await scoped(Account).get_or_none(id=account_id)
    if account is None:
        raise DomainError(FinanceErrorCode.NOT_FOUND, "account not found", field=field)
    return account


async def create_account(*, code: str, name: str, type: AccountType) -> Account:
    """Add an account to the chart; codes are unique within the tenant."""
    code = required_text(code, field="code", max_length=20)
    if await scoped(Account).filter(code=code).exists():
        raise DomainError(FinanceErrorCode.DUPLICATE, f"account {code} exists", field="code")
    return await create_owned(Account, code=code, name=required_text(name, field="name", max_length=120), type=AccountType(type))


async def system_account(*, role: SystemAccount) -> Account:
    """The account the services post `role` amounts to, created from the default chart on first use."""
    account = await scoped(Account).get_or_none(system_role=role)
    if account is not None:
        return account
    code, name, type_, _ = next(row for row in DEFAULT_CHART if row[3] is role)
    try:
        async with in_transaction():
            return await create_owned(Account, code=code, name=name, type=type_, system_role=role)
    except IntegrityError:  # created concurrently, or the code is taken by a tenant's own account
        account = await scoped(Account).get_or_none(system_role=role)
        if account is not None:
            return account
        async with in_transaction():
            return await create_owned(Account, code=f"{code}-{role.value}"[:20], name=name, type=type_, system_role=role)


async def ensure_chart_of_accounts() -> list[Account]:
    """Create the default chart's system accounts that are missing; returns the whole chart."""
    for *_, role in DEFAULT_CHART:
        await system_account(role=role)
    return await list_accounts()


# Journals


def list_journals(*, status: JournalStatus | None = None) -> QuerySet[Journal]:
    """Journals, newest entry date first."""
    query = scoped(Journal)
    if status is not None:
        query = query.filter(status=status)
    return query.order_by("-entry_date", "-created_at")


async def get_journal_or_raise(*, journal_id: uuid.UUID) -> Journal:
    """The journal with this id, or NOT_FOUND."""
    journal = await scoped(Journal).get_or_none(id=journal_id)
    if journal is None:
        raise DomainError(FinanceErrorCode.NOT_FOUND, "journal not found", field="journal_id")
    return journal


def journal_entries(*, journal_id: uuid.UUID) -> QuerySet[JournalEntry]:
    """A journal's entries in order."""
    return scoped(JournalEntry).filter(journal_id=journal_id).order_by("position")


async def _checked_entries(entries: Sequence[EntryInput], *, first_index: int = 0) -> list[tuple[Account, Decimal, Decimal, str | None]]:
    checked = []
    for offset, entry in enumerate(entries):
        index = first_index + offset
        account = await get_account_or_raise(account_id=entry.account_id, field=f"entries.{index}.account_id")
        if not account.active:
            raise DomainError(FinanceErrorCode.ACCOUNT_INACTIVE, f"account {account.code} is inactive", field=f"entries.{index}.account_id")
        debit = non_negative_decimal(entry.debit, field=f"entries.{index}.debit")
        credit = non_negative_decimal(entry.credit, field=f"entries.{index}.credit")
        if (debit == 0) == (credit == 0):
            raise DomainError(
                FinanceErrorCode.ENTRY_NEEDS_ONE_SIDE, "an entry is either a debit or a credit, and not zero", field=f"entries.{index}"
            )
        checked.append((account, debit, credit, optional_text(entry.description, field=f"entries.{index}.description", max_length=200)))
    return checked


async def create_journal(
    *, entry_date: date, description: str, currency: str, entries: Sequence[EntryInput] = (), source: str | None = None
) -> Journal:
    """Start a draft journal, optionally with entries; it affects the ledger only once posted."""
    checked = await _checked_entries(entries)
    async with in_transaction():
        journal = await create_owned(
            Journal,
            number=await next_number(model=Journal, prefix="JE-"),
            entry_date=entry_date,
            description=required_text(description, field="description", max_length=200),
            currency=currency_code(currency),
            source=source,
        )
        for position, (account, debit, credit, text) in enumerate(checked, start=1):
            await create_owned(JournalEntry, journal=journal, position=position, account=account, debit=debit, credit=credit, description=text)
    return journal


async def _locked_draft(journal_id: uuid.UUID) -> Journal:
    journal = await scoped(Journal).select_for_update().get_or_none(id=journal_id)
    if journal is None:
        raise DomainError(FinanceErrorCode.NOT_FOUND, "journal not found", field="journal_id")
    if journal.status is JournalStatus.POSTED:
        raise DomainError(FinanceErrorCode.JOURNAL_POSTED, "a posted journal cannot be changed: reverse it instead", field="journal_id")
    return journal


async def add_journal_entries(*, journal_id: uuid.UUID, entries: Sequence[EntryInput]) -> Journal:
    """Append entries to a draft journal."""
    async with in_transaction():
        journal = await _locked_draft(journal_id)
        existing = await journal_entries(journal_id=journal.id).count()
        for position, (account, debit, credit, text) in enumerate(await _checked_entries(entries, first_index=existing), start=existing + 1):
            await create_owned(JournalEntry, journal=journal, position=position, account=account, debit=debit, credit=credit, description=text)
    return journal


async def update_journal(*, journal_id: uuid.UUID, description: str | None = None, entry_date: date | None = None) -> Journal:
    """Change a draft journal's description or date; posted journals are refused."""
    async with in_transaction():
        journal = await _locked_draft(journal_id)
        if description is not None:
            journal.description = required_text(description, field="description", max_length=200)
        if entry_date is not None:
            journal.entry_date = entry_date
        await journal.save(update_fields=["description", "entry_date", "updated_at"])
    return journal


async def delete_journal_entry(*, journal_id: uuid.UUID, entry_id: uuid.UUID) -> None:
    """Remove an entry from a draft journal."""
    async with in_transaction():
        journal = await _locked_draft(journal_id)
        deleted = await scoped(JournalEntry).filter(id=entry_id, journal_id=journal.id).delete()
        if not deleted:
            raise DomainError(FinanceErrorCode.NOT_FOUND, "entry not found", field="entry_id")


async def post_journal(*, journal_id: uuid.UUID, posted_by: str | None = None, at: datetime | None = None) -> Journal:
    """Post a draft journal: it needs two entries or more and debits equal to credits, then is immutable."""
    async with in_transaction():
        journal = await _locked_draft(journal_id)
        entries = await journal_entries(journal_id=journal.id)
        debits = sum((entry.debit for entry in entries), Decimal(0))
        credits = sum((entry.credit for entry in entries), Decimal(0))
        if len(entries) < 2 or debits != credits or debits == 0:
            raise DomainError(
                FinanceErrorCode.JOURNAL_UNBALANCED,
                f"debits {debits} and credits {credits} over {len(entries)} entries do not balance",
                field="entries",
            )
        journal.status = JournalStatus.POSTED
        journal.posted_at = at or clock.now()
        journal.posted_by = posted_by
        await journal.save(update_fields=["status", "posted_at", "posted_by", "updated_at"])
    return journal


async def record_journal(
    *, entry_date: date, description: str, currency: str, entries: Sequence[EntryInput], source: str | None = None, posted_by: str | None = None
) -> Journal:
    """Create and post a balanced journal in one step (what the finance services use)."""
    async with in_transaction():
        journal = await create_journal(entry_date=entry_date, description=description, currency=currency, entries=entries, source=source)
        return await post_journal(journal_id=journal.id, posted_by=posted_by)


async def reverse_journal(
    *, journal_id: uuid.UUID, entry_date: date, reason: str, posted_by: str | None = None
) -> Journal:
    """Post the mirror image of a posted journal (debits and credits swapped); each journal is reversed at most once."""
    async with in_transaction():
        original = await scoped(Journal).select_for_update().get_or_none(id=journal_id)
        if original is None:
            raise DomainError(FinanceErrorCode.NOT_FOUND, "journal not found", field="journal_id")
        if original.status is not JournalStatus.POSTED:
            raise DomainError(FinanceErrorCode.JOURNAL_NOT_POSTED, "only a posted journal is reversed, edit or delete a draft", field="journal_id")
        if await scoped(Journal).filter(reversal_of_id=original.id).exists():
            raise DomainError(FinanceErrorCode.JOURNAL_ALREADY_REVERSED, "the journal is already reversed", field="journal_id")
        mirrored = [
            EntryInput(account_id=entry.account_id, debit=entry.credit, credit=entry.debit, description=entry.description)
            for entry in await journal_entries(journal_id=original.id)
        ]
        reversal = await create_journal(
            entry_date=entry_date,
            description=f"Reversal of {original.number}: {required_text(reason, field='reason', max_length=150)}",
            currency=original.currency,
            entries=mirrored,
            source=original.source,
        )
        reversal.reversal_of = original
        await reversal.save(update_fields=["reversal_of_id", "updated_at"])
        return await post_journal(journal_id=reversal.id, posted_by=posted_by)
