"""The business areas in the order their data depends on each other, and how one area's data is
generated for one tenant: with its own seeded rng, inside one tenant transaction."""

from __future__ import annotations

import random
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from opentelemetry import trace
from opentelemetry.instrumentation.utils import suppress_instrumentation

from infra.demo.generators import crm, finance, hr, it, legal, marketing, operations, sales, service
from infra.demo.generators.timeline import Timeline
from tenants.context import tenant_transaction

AREAS = ("hr", "crm", "operations", "sales", "marketing", "service", "finance", "legal", "it")
AREA_TITLES = {
    "hr": "HR", "crm": "CRM", "operations": "Operations", "sales": "Sales", "marketing": "Marketing",
    "service": "Customer service", "finance": "Finance", "legal": "Legal", "it": "IT",
}
_tracer = trace.get_tracer(__name__)


@dataclass
class TenantPlan:
    """A demo tenant and the ids its areas generated so far, which the later areas build on."""

    tenant_id: uuid.UUID
    slug: str
    currency: str
    bank_account: str
    hr: hr.HrIds | None = None
    crm: crm.CrmIds | None = None
    operations: operations.OperationsIds | None = None
    sales: sales.SalesIds | None = None


Generate = Callable[[random.Random, TenantPlan, int, Timeline, Callable[[int], None]], Awaitable[None]]


async def _hr(rng, plan: TenantPlan, size: int, timeline: Timeline, advance) -> None:
    plan.hr = await hr.generate_hr(rng, size=size, timeline=timeline, currency=plan.currency, advance=advance)


async def _crm(rng, plan: TenantPlan, size: int, timeline: Timeline, advance) -> None:
    plan.crm = await crm.generate_crm(rng, size=size, timeline=timeline, hr=plan.hr, advance=advance)


async def _operations(rng, plan: TenantPlan, size: int, timeline: Timeline, advance) -> None:
    plan.operations = await operations.generate_operations(rng, size=size, timeline=timeline, currency=plan.currency, advance=advance)


async def _sales(rng, plan: TenantPlan, size: int, timeline: Timeline, advance) -> None:
    plan.sales = await sales.generate_sales(
        rng, size=size, timeline=timeline, currency=plan.currency, hr=plan.hr, crm=plan.crm, operations=plan.operations, advance=advance
    )


async def _marketing(rng, plan: TenantPlan, size: int, timeline: Timeline, advance) -> None:
    await marketing.generate_marketing(rng, size=size, timeline=timeline, currency=plan.currency, crm=plan.crm, advance=advance)


async def _service(rng, plan: TenantPlan, size: int, timeline: Timeline, advance) -> None:
    await service.generate_service(rng, size=size, timeline=timeline, crm=plan.crm, hr=plan.hr, advance=advance)


async def _finance(rng, plan: TenantPlan, size: int, timeline: Timeline, advance) -> None:
    await finance.generate_finance(
        rng, size=size, timeline=timeline, currency=plan.currency, bank_account=plan.bank_account, hr=plan.hr, crm=plan.crm,
        sales=plan.sales, operations=plan.operations, advance=advance,
    )


async def _legal(rng, plan: TenantPlan, size: int, timeline: Timeline, advance) -> None:
    await legal.generate_legal(rng, size=size, timeline=timeline, currency=plan.currency, hr=plan.hr, crm=plan.crm, operations=plan.operations, advance=advance)


async def _it(rng, plan: TenantPlan, size: int, timeline: Timeline, advance) -> None:
    await it.generate_it(rng, size=size, timeline=timeline, currency=plan.currency, hr=plan.hr, advance=advance)


_GENERATORS: dict[str, tuple[Generate, Callable[[int], int]]] = {
    "hr": (_hr, hr.planned_units),
    "crm": (_crm, crm.planned_units),
    "operations": (_operations, operations.planned_units),
    "sales": (_sales, sales.planned_units),
    "marketing": (_marketing, marketing.planned_units),
    "service": (_service, service.planned_units),
    "finance": (_finance, finance.planned_units),
    "legal": (_legal, legal.planned_units),
    "it": (_it, it.planned_units),
}


def planned_units(area: str, size: int) -> int:
    """The progress units `area` reports for one tenant of `size` customers."""
    return _GENERATORS[area][1](size)


class _Advance:
    """Forwards an area's progress, never past what was planned, and makes up the rest when the area ends
    (some areas' counts depend on the draws, the bar's total does not)."""

    def __init__(self, area: str, planned: int, progress: Callable[[str, int], None]) -> None:
        self.area, self.left, self.progress = area, planned, progress

    def __call__(self, units: int) -> None:
        units = min(units, self.left)
        if units > 0:
            self.left -= units
            self.progress(self.area, units)

    def finish(self) -> None:
        self(self.left)


async def generate_area(area: str, plan: TenantPlan, *, seed: int, size: int, timeline: Timeline, progress: Callable[[str, int], None]) -> None:
    """Generate `area`'s data for one tenant in one transaction, from an rng seeded by seed, tenant and area
    (so a change in one area's generator leaves the others' data as it was)."""
    rng = random.Random(f"{seed}:{plan.slug}:{area}")
    advance = _Advance(area, planned_units(area, size), progress)
    # One span per area and tenant: tracing each of the millions of statements would only slow the seeding down.
    with _tracer.start_as_current_span("demo.seed_area", attributes={"demo.area": area, "demo.tenant": plan.slug, "demo.size": size}):
        with suppress_instrumentation():
            async with tenant_transaction(plan.tenant_id):
                await _GENERATORS[area][0](rng, plan, size, timeline, advance)
    advance.finish()
