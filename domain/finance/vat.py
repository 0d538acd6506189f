"""VAT returns computed from the posted ledger for a period, frozen once filed."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from tortoise.functions import Sum
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from domain import clock
from domain.aggregates import decimal_total
from domain.errors import DomainError
from domain.finance.errors import FinanceErrorCode
from domain.finance.ledger import system_account
from domain.finance.models import JournalEntry, JournalStatus, SystemAccount, VatReturn, VatReturnStatus
from domain.money import Money, currency_code
from domain.validation import required_text
from tenants.ownership import create_owned, scoped


@dataclass(frozen=True)
class VatFigures:
    period_start: date
    period_end: date
    output_vat: Money  # charged to customers
    input_vat: Money  # paid to suppliers
    net_vat: Money  # owed to the tax authority (negative: reclaimable)


@dataclass(frozen=True)
class VatFiling:
    """A return's figures as a tax authority's form takes them: both sides non-negative, in the currency's minor units."""

    output_vat: Money
    input_vat: Money

    @property
    def net_vat(self) -> Money:
        return self.output_vat - self.input_vat


def vat_filing(vat_return: VatReturn) -> VatFiling:
    """What to file for `vat_return`: each side rounded to its currency's minor units; a negative side (more credit
    notes than sales, say) is moved to the other side, so the filed net is the return's net."""
    output_vat = Money(vat_return.output_vat, vat_return.currency).rounded()
    input_vat = Money(vat_return.input_vat, vat_return.currency).rounded()
    zero = Money.zero(vat_return.currency)
    if output_vat.is_negative():
        output_vat, input_vat = zero, input_vat - output_vat
    if input_vat.is_negative():
        output_vat, input_vat = output_vat - input_vat, zero
    return VatFiling(output_vat=output_vat, input_vat=input_vat)


async def _movements(account_ids: list[uuid.UUID], *, period_start: date, period_end: date, currency: str) -> dict[uuid.UUID, tuple[Money, Money]]:
    """(debits, credits) per account over the journals posted in the period, in one query."""
    rows = (
        await scoped(JournalEntry)
        .filter(
            account_id__in=account_ids,
            journal__status=JournalStatus.POSTED,
            journal__currency=currency,
            journal__entry_date__gte=period_start,
            journal__entry_date__lte=period_end,
        )
        .annotate(debits=Sum("debit"), credits=Sum("credit"))
        .group_by("account_id")
        .values("account_id", "debits", "credits")
    )
    sums = {uuid.UUID(str(row["account_id"])): (decimal_total(row["debits"]), decimal_total(row["credits"])) for row in rows}
    zero = (decimal_total(None), decimal_total(None))
    return {account_id: tuple(Money(amount, currency) for amount in sums.get(account_id, zero)) for account_id in account_ids}


async def compute_vat_return(*, period_start: date, period_end: date, currency: str) -> VatFigures:
    """Output VAT (credits less debits on the output VAT account), input VAT (debits less credits on
    the input VAT account) and their difference, from journals posted in the period (inclusive)."""
    currency = currency_code(currency)
    if period_end < period_start:
        raise DomainError(FinanceErrorCode.INVALID_DATES, "the period ends before it starts", field="period_end")
    output_account = await system_account(role=SystemAccount.VAT_OUTPUT)
    input_account = await system_account(role=SystemAccount.VAT_INPUT)
    movements = await _movements([output_account.id, input_account.id], period_start=period_start, period_end=period_end, currency=currency)
    out_debits, out_credits = movements[output_account.id]
    in_debits, in_credits = movements[input_account.id]
    output_vat = (out_credits - out_debits).rounded()
    input_vat = (in_debits - in_credits).rounded()
    return VatFigures(period_start=period_start, period_end=period_end, output_vat=output_vat, input_vat=input_vat, net_vat=output_vat - input_vat)


def list_vat_returns() -> QuerySet[VatReturn]:
    """VAT returns, latest period first."""
    return scoped(VatReturn).order_by("-period_end", "currency")


async def filed_vat_return(*, period_start: date, period_end: date, currency: str) -> VatReturn | None:
    """The period's return in `currency` if it has been filed already (filed returns never change)."""
    return await list_vat_returns().filter(
        period_start=period_start, period_end=period_end, currency=currency.strip().upper(), status=VatReturnStatus.FILED
    ).first()


async def prepare_vat_return(*, period_start: date, period_end: date, currency: str) -> VatReturn:
    """Compute the period's VAT into a draft return (recomputing an existing draft); a filed return is refused."""
    figures = await compute_vat_return(period_start=period_start, period_end=period_end, currency=currency)
    currency = figures.output_vat.currency
    values = {"output_vat": figures.output_vat.amount, "input_vat": figures.input_vat.amount, "net_vat": figures.net_vat.amount}
    async with in_transaction():
        existing = await scoped(VatReturn).select_for_update().get_or_none(period_start=period_start, period_end=period_end, currency=currency)
        if existing is None:
            return await create_owned(VatReturn, period_start=period_start, period_end=period_end, currency=currency, **values)
        if existing.status is VatReturnStatus.FILED:
            raise DomainError(FinanceErrorCode.VAT_RETURN_FILED, "the return for this period is already filed", field="period_start")
        for name, value in values.items():
            setattr(existing, name, value)
        await existing.save(update_fields=[*values, "updated_at"])
        return existing


async def file_vat_return(*, vat_return_id: uuid.UUID, filing_reference: str, filed_at: datetime | None = None) -> VatReturn:
    """Mark a draft return filed with the authority's reference; it never changes afterwards."""
    async with in_transaction():
        vat_return = await scoped(VatReturn).select_for_update().get_or_none(id=vat_return_id)
        if vat_return is None:
            raise DomainError(FinanceErrorCode.NOT_FOUND, "VAT return not found", field="vat_return_id")
        if vat_return.status is VatReturnStatus.FILED:
            raise DomainError(FinanceErrorCode.VAT_RETURN_FILED, "the return is already filed", field="vat_return_id")
        vat_return.status = VatReturnStatus.FILED
        vat_return.filing_reference = required_text(filing_reference, field="filing_reference", max_length=64)
        vat_return.filed_at = filed_at or clock.now()
        await vat_return.save(update_fields=["status", "filing_reference", "filed_at", "updated_at"])
    return vat_return
