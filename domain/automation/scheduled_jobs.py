"""The jobs a schedule may run, and the parameters each takes (checked when the schedule is saved).

The workers carry them out (workers/automation/scheduled.py); a test keeps both lists in step.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from domain.automation.errors import AutomationErrorCode
from domain.errors import DomainError


@dataclass(frozen=True)
class ScheduledJobSpec:
    description: str
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()


SCHEDULED_JOBS: dict[str, ScheduledJobSpec] = {
    "finance.check_overdue_invoices": ScheduledJobSpec(
        "record each issued invoice past its due date as overdue, once per invoice", optional=("grace_days",)
    ),
    "finance.month_end_vat": ScheduledJobSpec(
        "compute the previous month's VAT return from the ledger and have the tax bot file it",
        required=("currency", "vat_number"),
    ),
    "bank.download_statements": ScheduledJobSpec(
        "have the bank bot download yesterday's statement", optional=("account_iban",)
    ),
    "bots.portal_canaries": ScheduledJobSpec(
        "a read-only dry run of each configured bot portal (or those in portals) that notices a changed layout"
        " before a real run fails on it",
        optional=("portals",),
    ),
}


def validate_job(job: str, params: Any) -> None:
    """Raise a DomainError naming the wrong part of a schedule's job or params."""
    spec = SCHEDULED_JOBS.get(job)
    if spec is None:
        raise DomainError(AutomationErrorCode.UNKNOWN_JOB, f"unknown job {job!r}; use one of {', '.join(SCHEDULED_JOBS)}", field="job")
    if not isinstance(params, Mapping):
        raise DomainError(AutomationErrorCode.INVALID_PARAMETER, "params is an object", field="params")
    unknown = sorted(set(params) - set(spec.required) - set(spec.optional))
    if unknown:
        raise DomainError(AutomationErrorCode.INVALID_PARAMETER, f"{job} takes no parameter {unknown[0]!r}", field=f"params.{unknown[0]}")
    for name in spec.required:
        if params.get(name) in (None, ""):
            raise DomainError(AutomationErrorCode.MISSING_PARAMETER, f"{job} needs the parameter {name!r}", field=f"params.{name}")
    if "portals" in params and (
        not isinstance(params["portals"], list) or not all(isinstance(name, str) and name for name in params["portals"])
    ):
        raise DomainError(AutomationErrorCode.INVALID_PARAMETER, "portals is a list of portal names", field="params.portals")
    if "grace_days" in params and (not isinstance(params["grace_days"], int) or not 0 <= params["grace_days"] <= 365):
        raise DomainError(AutomationErrorCode.INVALID_PARAMETER, "grace_days is a whole number of days, 0 to 365", field="params.grace_days")
