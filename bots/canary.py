"""Canaries: a read-only dry run per portal that notices a changed layout before a real run fails on it.

A canary opens the login page, logs in, and opens the read-only pages the portal's bots use. On
each it notes which of the elements the bots rely on (their page objects' selectors) are there. It
submits nothing. Comparing what it saw with the last good canary of the tenant's portal, and
recording `bots.portal_changed` when elements went missing, is the persisted runner's part
(`domain.bots.portals.record_canary`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

from bots.bank.login import log_in as bank_log_in
from bots.bank.pages import AccountsPage, BankLoginPage, PaymentFormPage, PaymentsPage
from bots.bot_definition import BotDefinition, BotParams
from bots.credentials import PortalCredentials
from bots.page_object import Element, PortalPage
from bots.run import BotRun
from bots.supplier.pages import OrderFormPage, OrdersPage, SupplierFrameset, SupplierLoginPage
from bots.tax.pages import FiledReturnsPage, TaxLoginPage, VatPeriodPage

LogIn = Callable[[BotRun, str, PortalCredentials], Awaitable[None]]


@dataclass(frozen=True)
class CanaryPage:
    """A read-only page a canary opens, and the elements on it that the bots rely on."""

    name: str
    path: str
    elements: tuple[str, ...]

    @classmethod
    def of(cls, name: str, page: type[PortalPage], *elements: Element, path: str | None = None) -> CanaryPage:
        return cls(name=name, path=path or page.path, elements=tuple(element.selector for element in elements))


@dataclass(frozen=True)
class CanaryReport:
    portal: str
    logged_in: bool
    expected: dict[str, list[str]]  # page -> the elements the bots rely on
    seen: dict[str, list[str]]  # page -> those of them the canary found (pages it reached)
    missing: dict[str, list[str]]  # page -> those it did not find


class CanaryParams(BotParams):
    """A canary takes no params."""


async def look(run: BotRun, portal_url: str, page: CanaryPage) -> list[str]:
    """Open the page (an error answer fails the step like any page would) and list the elements that are there."""
    await PortalPage(run, portal_url).open(page.path)
    assert run.page is not None
    return [selector for selector in page.elements if await run.page.locator(selector).count() > 0]


def canary(portal: str, login: CanaryPage, log_in: LogIn, pages: Sequence[CanaryPage]):
    async def run_canary(run: BotRun, portal_url: str, credentials: PortalCredentials, params: CanaryParams) -> CanaryReport:
        expected = {page.name: list(page.elements) for page in (login, *pages)}
        seen = {login.name: await run.step(f"look at {login.name}", lambda: look(run, portal_url, login), idempotent=True)}
        logged_in = set(seen[login.name]) == set(login.elements)
        if logged_in:  # without its login form the canary cannot get further, and need not: the change is found
            await run.step("login", lambda: log_in(run, portal_url, credentials), idempotent=True)
            for page in pages:
                seen[page.name] = await run.step(
                    f"look at {page.name}", lambda page=page: look(run, portal_url, page), idempotent=True
                )
        missing = {
            name: sorted(set(expected[name]) - set(found)) for name, found in seen.items() if set(expected[name]) - set(found)
        }
        return CanaryReport(portal=portal, logged_in=logged_in, expected=expected, seen=seen, missing=missing)

    run_canary.__name__ = f"{portal}_canary"
    return run_canary


def _login_page(page: type[PortalPage]) -> CanaryPage:
    return CanaryPage.of("login", page, page.username, page.password, page.log_in_button)  # type: ignore[attr-defined]


async def _supplier_log_in(run: BotRun, portal_url: str, credentials: PortalCredentials) -> None:
    await SupplierLoginPage(run, portal_url).log_in(credentials)
    await SupplierFrameset(run, portal_url).check_loaded()


async def _tax_log_in(run: BotRun, portal_url: str, credentials: PortalCredentials) -> None:
    await TaxLoginPage(run, portal_url).log_in(credentials)


BANK_CANARY = canary(
    "bank",
    _login_page(BankLoginPage),
    bank_log_in,
    [
        CanaryPage.of("accounts", AccountsPage, AccountsPage.accounts_table),
        CanaryPage.of("payments", PaymentsPage, PaymentsPage.payments_table),
        CanaryPage.of(
            "payment form", PaymentFormPage, PaymentFormPage.from_account, PaymentFormPage.beneficiary_name,
            PaymentFormPage.beneficiary_iban, PaymentFormPage.amount, PaymentFormPage.currency,
            PaymentFormPage.reference, PaymentFormPage.continue_button,
        ),
    ],
)
TAX_CANARY = canary(
    "tax",
    _login_page(TaxLoginPage),
    _tax_log_in,
    [
        CanaryPage.of("filed returns", FiledReturnsPage, FiledReturnsPage.returns_table),
        CanaryPage.of("vat period", VatPeriodPage, VatPeriodPage.period, VatPeriodPage.vat_number, VatPeriodPage.next_button),
    ],
)
SUPPLIER_CANARY = canary(
    "supplier",
    _login_page(SupplierLoginPage),
    _supplier_log_in,
    [
        CanaryPage.of("orders", OrdersPage, OrdersPage.orders_table),
        CanaryPage.of("order form", OrderFormPage, OrderFormPage.po_reference, OrderFormPage.submit_button),
    ],
)


def canary_definitions() -> list[BotDefinition]:
    """`<portal>.canary` for each portal."""
    return [
        BotDefinition(
            name=f"{portal}.canary",
            portal=portal,
            run=run,
            params=CanaryParams,
            result=CanaryReport,
            description=f"Read-only dry run: log in to the {portal} portal and check the elements its bots rely on.",
            canary=True,
        )
        for portal, run in (("bank", BANK_CANARY), ("supplier", SUPPLIER_CANARY), ("tax", TAX_CANARY))
    ]
