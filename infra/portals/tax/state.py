"""The tax portal's state: its taxpayers per tenant, filing rules and receipt numbering."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal

from infra.portals.accounts import PortalAccount
from infra.portals.clock import SandboxClock
from infra.portals.portal_state import PortalState
from infra.portals.tax.models import Taxpayer, VatReturn
from infra.portals.tax.periods import Period
from infra.portals.tax.seed import first_receipt_serial, seed_taxpayer


class PeriodAlreadyFiled(Exception):
    def __init__(self, existing: VatReturn) -> None:
        super().__init__(f"a return for {existing.period} was already filed")
        self.existing = existing


class TaxPortalState(PortalState):
    """The tax portal's data and switches; seeded from `seed` and the clock's date at creation."""

    portal_name = "tax"
    title = "National Revenue Office - Online Tax Services"

    def __init__(
        self,
        accounts: Iterable[PortalAccount],
        *,
        session_timeout: float = 900,
        seed: int = 0,
        clock: SandboxClock | None = None,
    ) -> None:
        super().__init__(accounts, session_timeout=session_timeout, seed=seed, clock=clock)
        self._receipt_serial = first_receipt_serial(seed)
        today = self.clock.today()
        self.taxpayers = {
            slug: seed_taxpayer(slug, seed=seed, today=today, next_receipt_number=self._next_receipt_number)
            for slug in self.tenant_slugs
        }

    def taxpayer(self, username: str) -> Taxpayer:
        return self.taxpayers[self.tenant_of(username)]

    def returns_of(self, username: str) -> list[VatReturn]:
        """Filed returns, the latest period first."""
        return sorted(self.taxpayer(username).returns.values(), key=lambda filed: filed.period, reverse=True)

    def find_return(self, username: str, receipt_number: str) -> VatReturn | None:
        return next((filed for filed in self.returns_of(username) if filed.receipt_number == receipt_number), None)

    def open_periods(self, username: str, *, count: int = 12) -> list[str]:
        """Ended periods of the last `count` months that have no return yet, the latest first."""
        current = Period.containing(self.clock.today())
        filed = self.taxpayer(username).returns
        return [str(current.shifted(-back)) for back in range(1, count + 1) if str(current.shifted(-back)) not in filed]

    def file_return(self, username: str, *, period: str, output_vat: Decimal, input_vat: Decimal) -> VatReturn:
        """Record a return and give it a receipt number; a period can be filed only once."""
        taxpayer = self.taxpayer(username)
        if period in taxpayer.returns:
            raise PeriodAlreadyFiled(taxpayer.returns[period])
        filed_at = self.clock.now()
        vat_return = VatReturn(
            period=period,
            vat_number=taxpayer.vat_number,
            output_vat=output_vat,
            input_vat=input_vat,
            receipt_number=self._next_receipt_number(filed_at),
            filed_at=filed_at,
        )
        taxpayer.returns[period] = vat_return
        return vat_return

    def _next_receipt_number(self, filed_at: datetime) -> str:
        self._receipt_serial += 1
        return f"RCPT-{filed_at.year}-{self._receipt_serial:07d}"
