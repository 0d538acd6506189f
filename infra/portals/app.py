"""All three sandbox portals in one app, mounted at /tax, /bank and /supplier, with an index page."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Mount, Route

from infra.portals.accounts import PortalAccount
from infra.portals.bank.app import create_bank_portal
from infra.portals.html import SafeHtml, data_table, link, render_page
from infra.portals.supplier.app import create_supplier_portal
from infra.portals.tax.app import create_tax_portal
from infra.portals.urls import portal_url

BANK_ONLY_OPTIONS = ("payment_execution_delay",)
SUPPLIER_ONLY_OPTIONS = ("order_progress",)


def create_portals_app(accounts: Iterable[PortalAccount], **options: Any) -> Starlette:
    """The three portals under one roof; `app.state.portals` maps "tax", "bank", "supplier" to their state.

    `session_timeout`, `seed` and `clock` go to every portal (share one SandboxClock to move all
    three in step); `payment_execution_delay` goes to the bank only, `order_progress` to the supplier only.
    """
    accounts = list(accounts)
    common = {key: value for key, value in options.items() if key not in BANK_ONLY_OPTIONS + SUPPLIER_ONLY_OPTIONS}
    portals = {
        "tax": create_tax_portal(accounts, **common),
        "bank": create_bank_portal(accounts, **common, **_pick(options, BANK_ONLY_OPTIONS)),
        "supplier": create_supplier_portal(accounts, **common, **_pick(options, SUPPLIER_ONLY_OPTIONS)),
    }

    async def index(request: Request) -> HTMLResponse:
        return HTMLResponse(_index_page(request, accounts))

    app = Starlette(routes=[Route("/", index), *(Mount(f"/{name}", portal) for name, portal in portals.items())])
    app.state.portals = {name: portal.state.portal for name, portal in portals.items()}
    return app


def _pick(options: dict[str, Any], keys: Sequence[str]) -> dict[str, Any]:
    return {key: options[key] for key in keys if key in options}


def _index_page(request: Request, accounts: Sequence[PortalAccount]) -> str:
    portals = [
        ("tax", "National Revenue Office - Online Tax Services", "VAT returns, receipts (CSRF, session timeout)"),
        ("bank", "Hanseatic Savings Bank - NetBanking", "accounts, statements, CSV, payments (TOTP)"),
        ("supplier", "Meridian Industrial Supply - Partner Extranet", "catalogue, purchase orders, invoices (frames)"),
    ]
    portal_rows = [
        (SafeHtml(link(portal_url(request, f"/{name}/"), title, element_id=f"portal-{name}")), what) for name, title, what in portals
    ]
    # A sandbox with made-up data: showing the demo credentials is the point, not a leak.
    account_rows = [
        (account.tenant_slug, account.portal, account.username, account.password, account.totp_seed or "")
        for account in accounts
    ]
    body = (
        data_table("portals-table", ["Portal", "What the bots do there"], portal_rows)
        + "<h3>Demo accounts</h3>"
        + data_table("accounts-table", ["Tenant", "Portal", "Username", "Password", "TOTP seed"], account_rows)
    )
    return render_page(portal_title="Concord sandbox portals", title="Legacy portals for RPA development", body=body)
