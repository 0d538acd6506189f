"""Scheduled jobs: what runs when a schedule's slot comes (the scheduler claims it once, see workers/scheduler.py).

The names and parameters are the catalogue in domain/automation/scheduled_jobs.py.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta
from typing import Any

from bots.persisted.canaries import request_canaries
from domain.automation.events import SCHEDULE_DUE
from domain.finance import dunning
from domain.finance import service as finance_service
from workers.automation.bot_runs import request_bot_run
from workers.automation.registry import automation

ACTOR = "automation:scheduler"
log = logging.getLogger(__name__)
Job = Callable[..., Awaitable[Any]]


def previous_month(day: date) -> tuple[date, date]:
    """The first and last day of the month before `day`'s."""
    last = day.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


async def check_overdue_invoices(*, params: dict[str, Any], slot_at: datetime) -> None:
    """Record `finance.invoice_overdue` for each issued invoice past due (once per invoice)."""
    await dunning.record_overdue_invoices(as_of=slot_at.date(), grace_days=int(params.get("grace_days", 0)))


async def month_end_vat(*, params: dict[str, Any], slot_at: datetime) -> None:
    """Compute last month's VAT return from the ledger, then have the tax bot file it; a period filed
    already (a slot run again, or a return filed by hand) leaves nothing to do."""
    start, end = previous_month(slot_at.date())
    filed = await finance_service.filed_vat_return(period_start=start, period_end=end, currency=params["currency"])
    if filed is not None:
        log.info("VAT return already filed: nothing to do", extra={"period": f"{start:%Y-%m}", "filing_reference": filed.filing_reference})
        return
    vat_return = await finance_service.prepare_vat_return(period_start=start, period_end=end, currency=params["currency"])
    filing = finance_service.vat_filing(vat_return)
    period = f"{start:%Y-%m}"
    await request_bot_run(
        bot="tax.file_vat_return",
        params={
            "period": period, "vat_number": params["vat_number"],
            "output_vat": filing.output_vat.plain_text(), "input_vat": filing.input_vat.plain_text(),
        },
        started_by=ACTOR,
        subject_key=f"tax.file_vat_return:{params['vat_number']}:{period}",
        title=f"File the VAT return for {period} ({params['currency']})",
    )


async def download_bank_statements(*, params: dict[str, Any], slot_at: datetime) -> None:
    """Have the bank bot download yesterday's statement (its import then starts the matching)."""
    day = (slot_at - timedelta(days=1)).date().isoformat()
    bot_params = {"date_from": day, "date_to": day, **({"account_iban": params["account_iban"]} if params.get("account_iban") else {})}
    await request_bot_run(
        bot="bank.download_statements", params=bot_params, started_by=ACTOR,
        subject_key=f"bank.download_statements:{params.get('account_iban') or 'default'}:{day}",
        title=f"Download the bank statement of {day}",
    )


async def run_portal_canaries(*, params: dict[str, Any], slot_at: datetime) -> None:
    """Queue a canary (a read-only dry run) of each configured portal; a changed layout records `bots.portal_changed`."""
    await request_canaries(started_by=ACTOR, portals=params.get("portals") or None)


JOBS: dict[str, Job] = {
    "finance.check_overdue_invoices": check_overdue_invoices,
    "finance.month_end_vat": month_end_vat,
    "bank.download_statements": download_bank_statements,
    "bots.portal_canaries": run_portal_canaries,
}


@automation("automation.run_scheduled_job", on=[SCHEDULE_DUE])
async def run_scheduled_job(*, event_id: str, event_type: str, payload: dict[str, Any]) -> None:
    """Run the job of a claimed slot."""
    await JOBS[payload["job"]](params=payload.get("params") or {}, slot_at=datetime.fromisoformat(payload["slot_at"]))
