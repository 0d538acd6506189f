"""The three portals mounted together, and the demo accounts the demo and the bots share."""

from __future__ import annotations

import pyotp
import pytest

from infra.portals import PortalAccount, create_portals_app, demo_accounts
from infra.portals.bank.state import BankPortalState


def test_demo_accounts_are_the_same_every_time_and_differ_per_portal_and_tenant():
    accounts = demo_accounts(["acme", "globex"])

    assert accounts == demo_accounts(["acme", "globex"])
    assert [(a.portal, a.username) for a in accounts[:3]] == [("tax", "acme-finance"), ("bank", "acme-finance"), ("supplier", "acme-finance")]
    assert len({a.password for a in accounts}) == 6
    bank = [a for a in accounts if a.portal == "bank"]
    assert all(len(a.totp_seed) == 32 and pyotp.TOTP(a.totp_seed).now().isdigit() for a in bank)
    assert bank[0].totp_seed != bank[1].totp_seed
    assert all(a.totp_seed is None for a in accounts if a.portal != "bank")
    assert accounts[0].password not in repr(accounts[0])


async def test_the_index_lists_the_three_portals(accounts, clock, open_client, read_page):
    client = await open_client(create_portals_app(accounts, clock=clock))

    page = read_page(await client.get("/"))

    assert [page.by_id[f"portal-{name}"].attrs["href"] for name in ("tax", "bank", "supplier")] == ["/tax/", "/bank/", "/supplier/"]
    assert len(page.rows("accounts-table")) == len(accounts)


async def test_links_and_forms_work_under_the_mount_prefix(accounts, clock, open_client, read_page, account_of):
    client = await open_client(create_portals_app(accounts, clock=clock))
    account = account_of("tax")

    login = await client.get("/tax/")
    page = read_page(login)
    assert login.url.path == "/tax/login"
    assert 'action="/tax/login"' in login.text

    home = await client.post(
        "/tax/login", data={"username": account.username, "password": account.password, "csrf_token": page.fields["csrf_token"]}
    )
    assert home.url.path == "/tax/"
    assert read_page(home).by_id["nav-returns"].attrs["href"] == "/tax/vat/returns"

    supplier = account_of("supplier")
    frameset = await client.post("/supplier/login", data={"username": supplier.username, "password": supplier.password})
    assert {frame["src"] for frame in read_page(frameset).frames} == {"/supplier/nav", "/supplier/welcome"}


async def test_switches_apply_to_one_mounted_portal_only(accounts, clock, open_client):
    app = create_portals_app(accounts, clock=clock)
    client = await open_client(app)

    await client.post("/bank/_sandbox/switches", data={"maintenance": "1"})

    assert (await client.get("/bank/login")).status_code == 503
    assert (await client.get("/tax/login")).status_code == 200
    assert app.state.portals["bank"].switches.maintenance is True


async def test_portal_specific_options_reach_their_portal(accounts, clock):
    app = create_portals_app(accounts, clock=clock, seed=4, payment_execution_delay=0, order_progress="manual")

    bank: BankPortalState = app.state.portals["bank"]
    assert bank.payment_execution_delay == 0
    assert app.state.portals["supplier"].order_progress == "manual"
    assert {portal.clock for portal in app.state.portals.values()} == {clock}


def test_accounts_of_an_unknown_portal_are_refused():
    with pytest.raises(ValueError, match="unknown portal"):
        PortalAccount(portal="crm", tenant_slug="acme", username="u", password="p")  # type: ignore[arg-type]
