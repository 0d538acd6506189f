"""Believable, deterministic tax records for a tenant: a VAT registration and a year of filed months."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, time
from decimal import Decimal

from infra.portals.tax.periods import Period
from infra.portals.tax.models import Taxpayer, VatReturn

# The last two ended months are left open so there is always something to file.
FILED_MONTHS_BACK = range(14, 2, -1)


def first_receipt_serial(seed: int) -> int:
    return random.Random(f"{seed}/tax/receipts").randrange(1_000_000, 2_000_000)


def seed_taxpayer(
    tenant_slug: str,
    *,
    seed: int,
    today: date,
    next_receipt_number: Callable[[datetime], str],
) -> Taxpayer:
    rng = random.Random(f"{seed}/tax/{tenant_slug}")
    taxpayer = Taxpayer(
        tenant_slug=tenant_slug,
        company_name=company_name(tenant_slug),
        vat_number=f"NL{rng.randrange(100_000_000, 1_000_000_000)}B01",
    )
    current = Period.containing(today)
    for months_back in FILED_MONTHS_BACK:
        period = current.shifted(-months_back)
        output_vat = Decimal(rng.randrange(800_000, 4_000_000)) / 100
        input_vat = (output_vat * Decimal(rng.randrange(20, 75)) / 100).quantize(Decimal("0.01"))
        # Filed around the 20th of the following month, as a finance team would.
        filed_on = period.shifted(1).first_day().replace(day=rng.randrange(12, 26))
        filed_at = datetime.combine(filed_on, time(rng.randrange(8, 18), rng.randrange(60)), tzinfo=UTC)
        taxpayer.returns[str(period)] = VatReturn(
            period=str(period),
            vat_number=taxpayer.vat_number,
            output_vat=output_vat,
            input_vat=input_vat,
            receipt_number=next_receipt_number(filed_at),
            filed_at=filed_at,
        )
    return taxpayer


def company_name(tenant_slug: str) -> str:
    return f"{tenant_slug.replace('-', ' ').title()} B.V."
