"""What a succeeded run puts into the tenant's business data, through the finance service.

- `bank.download_statements`: the statement, imported for reconciliation (its import starts the matching);
- `tax.file_vat_return`: the VAT return Concord computed for that period and those amounts, marked filed
  with the authority's receipt number (the receipt PDF is the run's artifact and in the evidence chain);
- `supplier.submit_purchase_order`: the supplier's invoice, booked against our purchase order.

Each is safe to repeat: a statement or supplier invoice already booked, or a return already filed, is
left as it is, so a resumed or repeated run records nothing twice.
"""

from __future__ import annotations

import calendar
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta

from bots.bank.params import DownloadStatementsParams, StatementsDownloaded
from bots.bot_definition import BotParams
from bots.supplier.params import PurchaseOrderInvoiced, SubmitPurchaseOrderParams
from bots.tax.params import FileVatReturnParams, VatReturnFiled
from tortoise.transactions import in_transaction

from domain.errors import DomainError
from domain.finance import service as finance_service
from domain.finance.errors import FinanceErrorCode
from domain.finance.models import VatReturnStatus
from domain.operations import service as operations_service

log = logging.getLogger(__name__)
SUPPLIER_PAYMENT_DAYS = 30  # the sandbox supplier's terms; its invoices carry no due date we could read


async def import_statement(params: BotParams, result: object) -> None:
    assert isinstance(params, DownloadStatementsParams) and isinstance(result, StatementsDownloaded)
    if not result.lines:
        return  # nothing booked in the period: nothing to reconcile
    oldest_first = list(reversed(result.lines))  # the bank lists the newest first; its balances run in booking order
    try:
        await finance_service.import_bank_statement(
            bank_account=result.iban,
            reference=f"{result.date_from.isoformat()}..{result.date_to.isoformat()}",
            currency=result.currency,
            statement_date=result.date_to,
            opening_balance=oldest_first[0].balance - oldest_first[0].amount,
            closing_balance=oldest_first[-1].balance,
            lines=[
                finance_service.StatementLineInput(
                    booked_on=line.date, amount=line.amount, counterparty=line.description or None, remittance=line.reference or None
                )
                for line in oldest_first
            ],
        )
    except DomainError as error:
        if error.code != FinanceErrorCode.DUPLICATE:
            raise


async def mark_vat_return_filed(params: BotParams, result: object) -> None:
    assert isinstance(params, FileVatReturnParams) and isinstance(result, VatReturnFiled)
    year, month = (int(part) for part in params.period.split("-"))
    period_start, period_end = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    computed = await finance_service.list_vat_returns().filter(period_start=period_start, period_end=period_end)
    # The return whose figures were filed: the month-end job files each currency's return with its own amounts.
    drafts = [
        vat_return for vat_return in computed
        if vat_return.status is VatReturnStatus.DRAFT and _filed_as(finance_service.vat_filing(vat_return), params)
    ]
    if not drafts:
        log.info("filed a VAT return Concord did not compute (or already marked filed)", extra={"period": params.period})
        return
    await finance_service.file_vat_return(vat_return_id=drafts[0].id, filing_reference=result.receipt_number)


def _filed_as(filing: finance_service.VatFiling, params: FileVatReturnParams) -> bool:
    return (filing.output_vat.amount, filing.input_vat.amount) == (params.output_vat, params.input_vat)


async def book_supplier_invoice(params: BotParams, result: object) -> None:
    assert isinstance(params, SubmitPurchaseOrderParams) and isinstance(result, PurchaseOrderInvoiced)
    order = await operations_service.list_purchase_orders().filter(number=params.po_reference).first()
    if order is None:
        log.info("no purchase order of ours has this reference: invoice not booked", extra={"po_reference": params.po_reference})
        return
    issued = datetime.now(UTC).date()
    try:
        await finance_service.record_supplier_invoice(
            supplier_id=order.supplier_id,
            supplier_reference=result.invoice_number,
            currency=order.currency,
            net_amount=result.net_total,
            tax_amount=result.vat,
            issue_date=issued,
            due_date=issued + timedelta(days=SUPPLIER_PAYMENT_DAYS),
            purchase_order_id=order.id,
            recorded_by="bot:supplier.submit_purchase_order",
        )
    except DomainError as error:
        if error.code != FinanceErrorCode.DUPLICATE:
            raise


RECORDERS: dict[str, Callable[[BotParams, object], Awaitable[None]]] = {
    "bank.download_statements": import_statement,
    "tax.file_vat_return": mark_vat_return_filed,
    "supplier.submit_purchase_order": book_supplier_invoice,
}


async def record_in_business_data(bot: str, params: BotParams, result: object) -> None:
    """Put a succeeded run's result where the business reads it (nothing for bots that have no such record).

    In a savepoint: a refusal (a statement that does not balance, a supplier we do not know) is logged for a
    person and leaves the run's own records, its evidence included, as they are.
    """
    recorder = RECORDERS.get(bot)
    if recorder is None:
        return
    try:
        async with in_transaction():
            await recorder(params, result)
    except DomainError as error:
        log.error("a bot run's result was not recorded", extra={"bot": bot, "code": str(error.code), "reason": error.message})
