"""Finance: the double-entry ledger balances, posted journals are immutable, corrections are reversals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from tortoise.exceptions import IntegrityError, OperationalError, TransactionManagementError
from tortoise.transactions import in_transaction

from domain.errors import DomainError
from domain.finance import service as finance
from domain.finance.errors import FinanceErrorCode
from domain.finance.models import AccountType, JournalEntry, JournalStatus, SystemAccount
from domain.money import Money
from tenants.context import tenant_transaction
from tenants.ownership import scoped

Entry = finance.EntryInput


async def accounts():
    bank = await finance.system_account(role=SystemAccount.BANK)
    rent = await finance.create_account(code="6100", name="Rent", type=AccountType.EXPENSE)
    return bank, rent


async def test_a_posted_journal_must_balance(tenant):
    async with tenant_transaction(tenant.id):
        bank, rent = await accounts()
        journal = await finance.create_journal(
            entry_date=date(2024, 3, 1), description="Rent", currency="EUR",
            entries=[Entry(account_id=rent.id, debit=Decimal("1000")), Entry(account_id=bank.id, credit=Decimal("999.99"))],
        )
        with pytest.raises(DomainError) as error:
            await finance.post_journal(journal_id=journal.id)
        still_draft = await finance.get_journal_or_raise(journal_id=journal.id)
    assert (error.value.code, error.value.field) == (FinanceErrorCode.JOURNAL_UNBALANCED, "entries")
    assert still_draft.status is JournalStatus.DRAFT


async def test_an_entry_is_either_a_debit_or_a_credit(tenant):
    async with tenant_transaction(tenant.id):
        bank, rent = await accounts()
        with pytest.raises(DomainError) as both:
            await finance.create_journal(
                entry_date=date(2024, 3, 1), description="Rent", currency="EUR",
                entries=[Entry(account_id=rent.id, debit=Decimal("1")), Entry(account_id=bank.id, debit=Decimal("1"), credit=Decimal("1"))],
            )
    assert (both.value.code, both.value.field) == (FinanceErrorCode.ENTRY_NEEDS_ONE_SIDE, "entries.1")


async def test_posted_journal_cannot_be_edited(tenant):
    async with tenant_transaction(tenant.id):
        bank, rent = await accounts()
        journal = await finance.record_journal(
            entry_date=date(2024, 3, 1), description="Rent", currency="EUR",
            entries=[Entry(account_id=rent.id, debit=Decimal("1000")), Entry(account_id=bank.id, credit=Decimal("1000"))],
        )
        refusals = []
        for attempt in (
            finance.update_journal(journal_id=journal.id, description="Changed"),
            finance.add_journal_entries(journal_id=journal.id, entries=[Entry(account_id=rent.id, debit=Decimal("1"))]),
        ):
            with pytest.raises(DomainError) as error:
                await attempt
            refusals.append(error.value.code)
        # Behind the service, the database itself refuses to change a posted entry.
        with pytest.raises((IntegrityError, OperationalError, TransactionManagementError)):
            async with in_transaction():
                await scoped(JournalEntry).filter(journal_id=journal.id, position=1).update(debit=Decimal("5"))
    assert refusals == [FinanceErrorCode.JOURNAL_POSTED, FinanceErrorCode.JOURNAL_POSTED]


async def test_a_correction_is_a_reversal_journal_posted_once(tenant):
    async with tenant_transaction(tenant.id):
        bank, rent = await accounts()
        journal = await finance.record_journal(
            entry_date=date(2024, 3, 1), description="Rent", currency="EUR",
            entries=[Entry(account_id=rent.id, debit=Decimal("1000")), Entry(account_id=bank.id, credit=Decimal("1000"))],
        )
        reversal = await finance.reverse_journal(journal_id=journal.id, entry_date=date(2024, 3, 2), reason="wrong month")
        with pytest.raises(DomainError) as twice:
            await finance.reverse_journal(journal_id=journal.id, entry_date=date(2024, 3, 2), reason="again")
        entries = await finance.journal_entries(journal_id=reversal.id)
        balances = await finance.trial_balance()
    assert reversal.status is JournalStatus.POSTED and reversal.reversal_of_id == journal.id
    assert [(e.account_id, e.debit, e.credit) for e in entries] == [(rent.id, Decimal("0"), Decimal("1000")), (bank.id, Decimal("1000"), Decimal("0"))]
    assert twice.value.code is FinanceErrorCode.JOURNAL_ALREADY_REVERSED
    assert {line.code: line.balance for line in balances} == {"1200": Decimal("0"), "6100": Decimal("0")}


async def test_profit_and_loss_sums_income_and_expense_accounts_for_the_period(tenant):
    async with tenant_transaction(tenant.id):
        bank, rent = await accounts()
        revenue = await finance.system_account(role=SystemAccount.REVENUE)
        for day, account, amount in [(5, revenue, "5000"), (20, revenue, "250.50"), (10, rent, "1200")]:
            sides = (Entry(account_id=bank.id, debit=Decimal(amount)), Entry(account_id=account.id, credit=Decimal(amount)))
            if account is rent:
                sides = (Entry(account_id=rent.id, debit=Decimal(amount)), Entry(account_id=bank.id, credit=Decimal(amount)))
            await finance.record_journal(entry_date=date(2024, 4, day), description="x", currency="EUR", entries=sides)
        await finance.record_journal(  # outside the period
            entry_date=date(2024, 5, 1), description="x", currency="EUR",
            entries=[Entry(account_id=bank.id, debit=Decimal("9")), Entry(account_id=revenue.id, credit=Decimal("9"))],
        )
        [statement] = await finance.profit_and_loss(period_start=date(2024, 4, 1), period_end=date(2024, 4, 30))
    assert [(line.code, line.amount) for line in statement.income] == [("4000", Money(Decimal("5250.50"), "EUR"))]
    assert [(line.code, line.amount) for line in statement.expenses] == [("6100", Money(Decimal("1200"), "EUR"))]
    assert statement.net_profit == Money(Decimal("4050.50"), "EUR")
