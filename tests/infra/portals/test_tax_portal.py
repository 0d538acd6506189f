"""The tax authority sandbox: CSRF-protected login, idle timeout, the two-step VAT return and its receipt."""

from __future__ import annotations

import re

import httpx
import pytest

from infra.portals import create_tax_portal

OPEN_PERIOD = "2026-10"  # the clock is frozen in November 2026; October has no return yet
FILED_PERIOD = "2026-08"


@pytest.fixture
def portal_app(accounts, clock):
    return create_tax_portal(accounts, clock=clock)


@pytest.fixture
async def client(portal_app, open_client) -> httpx.AsyncClient:
    return await open_client(portal_app)


@pytest.fixture
async def logged_in(client, account_of, read_page) -> httpx.AsyncClient:
    account = account_of("tax")
    token = read_page(await client.get("/login")).fields["csrf_token"]
    response = await client.post(
        "/login", data={"username": account.username, "password": account.password, "csrf_token": token}
    )
    assert response.url.path == "/"
    return client


def vat_number_of(portal_app, tenant: str = "acme") -> str:
    return portal_app.state.portal.taxpayers[tenant].vat_number


async def csrf(client, read_page, path: str) -> str:
    return read_page(await client.get(path)).fields["csrf_token"]


async def test_login_page_has_the_ids_bots_rely_on(client, read_page):
    page = read_page(await client.get("/login"))

    assert {"username", "password", "login-button"} <= page.by_id.keys()
    assert page.by_id["password"].attrs["type"] == "password"
    assert page.fields["csrf_token"]


async def test_login_without_a_csrf_token_is_rejected(client, account_of):
    account = account_of("tax")
    await client.get("/login")

    response = await client.post("/login", data={"username": account.username, "password": account.password})

    assert response.status_code == 403
    assert (await client.get("/")).url.path == "/login"


async def test_login_with_a_wrong_csrf_token_is_rejected(client, account_of):
    account = account_of("tax")
    await client.get("/login")

    response = await client.post(
        "/login", data={"username": account.username, "password": account.password, "csrf_token": "forged"}
    )

    assert response.status_code == 403
    assert (await client.get("/")).url.path == "/login"


async def test_login_with_a_wrong_password_shows_an_error(client, account_of, read_page):
    token = await csrf(client, read_page, "/login")

    response = await client.post("/login", data={"username": account_of("tax").username, "password": "nope", "csrf_token": token})

    assert "incorrect" in read_page(response).text("login-error")


async def test_logged_in_home_shows_the_taxpayer_and_open_periods(logged_in, portal_app, read_page):
    page = read_page(await logged_in.get("/"))

    assert page.text("taxpayer-vat-number") == vat_number_of(portal_app)
    assert page.by_id["open-periods"].text.split() == ["2026-10", "2026-09"]


async def test_an_idle_session_expires_and_the_login_page_says_so(logged_in, clock, read_page):
    clock.advance(901)

    response = await logged_in.get("/vat/returns")

    assert response.url.path == "/login"
    assert "expired" in read_page(response).text("login-message")
    clock.advance(1)
    assert (await logged_in.get("/")).url.path == "/login"


async def test_activity_keeps_a_session_alive(logged_in, clock):
    for _ in range(3):
        clock.advance(600)
        assert (await logged_in.get("/")).url.path == "/"


async def test_session_timeout_is_configurable(accounts, clock, open_client, account_of, read_page):
    client = await open_client(create_tax_portal(accounts, clock=clock, session_timeout=30))
    account = account_of("tax")
    token = await csrf(client, read_page, "/login")
    await client.post("/login", data={"username": account.username, "password": account.password, "csrf_token": token})

    clock.advance(31)

    assert (await client.get("/")).url.path == "/login"


async def test_filing_a_vat_return_end_to_end(logged_in, portal_app, read_page):
    token = await csrf(logged_in, read_page, "/vat/new")
    step2 = await logged_in.post(
        "/vat/new", data={"vat-period": OPEN_PERIOD, "vat-number": vat_number_of(portal_app), "csrf_token": token}
    )
    assert step2.url.path == "/vat/new/amounts"
    assert read_page(step2).text("draft-period") == OPEN_PERIOD

    review = await logged_in.post(
        "/vat/new/amounts", data={"vat-output": "12500.40", "vat-input": "4300.15", "csrf_token": token}
    )
    assert review.url.path == "/vat/new/review"
    assert read_page(review).text("vat-net-payable") == "8,200.25"

    confirmation = await logged_in.post("/vat/new/submit", data={"csrf_token": token})
    page = read_page(confirmation)
    receipt_number = page.text("receipt-number")
    assert re.fullmatch(r"RCPT-2026-\d{7}", receipt_number)

    pdf = await logged_in.get(page.by_id["receipt-download"].attrs["href"])
    assert pdf.content.startswith(b"%PDF")
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.headers["content-disposition"].startswith("attachment;")

    rows = read_page(await logged_in.get("/vat/returns")).rows("returns-table")
    assert rows[0][:3] == [OPEN_PERIOD, "8,200.25", receipt_number]
    assert rows[0][3] == "2026-11-16 09:30"


async def test_a_negative_net_amount_is_shown_as_a_refund(logged_in, portal_app, read_page):
    token = await csrf(logged_in, read_page, "/vat/new")
    await logged_in.post("/vat/new", data={"vat-period": OPEN_PERIOD, "vat-number": vat_number_of(portal_app), "csrf_token": token})

    review = await logged_in.post("/vat/new/amounts", data={"vat-output": "100", "vat-input": "250.50", "csrf_token": token})

    assert read_page(review).text("vat-net-payable") == "-150.50"
    assert "refund" in review.text


@pytest.mark.parametrize("period", ["2026/10", "10-2026", "2026-13", "Oct 2026", "2026-1"])
async def test_step_one_rejects_an_unknown_period_format(logged_in, portal_app, read_page, period):
    token = await csrf(logged_in, read_page, "/vat/new")

    response = await logged_in.post("/vat/new", data={"vat-period": period, "vat-number": vat_number_of(portal_app), "csrf_token": token})

    assert response.url.path == "/vat/new"
    assert "Unknown period format" in read_page(response).text("vat-period-error")


async def test_step_one_rejects_a_period_already_filed(logged_in, portal_app, read_page):
    token = await csrf(logged_in, read_page, "/vat/new")

    response = await logged_in.post(
        "/vat/new", data={"vat-period": FILED_PERIOD, "vat-number": vat_number_of(portal_app), "csrf_token": token}
    )

    assert "already been filed" in read_page(response).text("vat-period-error")


async def test_step_one_rejects_a_period_that_has_not_ended(logged_in, portal_app, read_page):
    token = await csrf(logged_in, read_page, "/vat/new")

    response = await logged_in.post("/vat/new", data={"vat-period": "2026-11", "vat-number": vat_number_of(portal_app), "csrf_token": token})

    assert "has not ended" in read_page(response).text("vat-period-error")


async def test_step_one_rejects_another_companys_vat_number(logged_in, portal_app, read_page):
    token = await csrf(logged_in, read_page, "/vat/new")

    response = await logged_in.post(
        "/vat/new", data={"vat-period": OPEN_PERIOD, "vat-number": vat_number_of(portal_app, "globex"), "csrf_token": token}
    )

    assert "not registered" in read_page(response).text("vat-number-error")


@pytest.mark.parametrize(
    ("output_vat", "input_vat", "field", "message"),
    [
        ("12,50", "0", "vat-output", "valid amount"),
        ("abc", "0", "vat-output", "valid amount"),
        ("10.005", "0", "vat-output", "at most 2 decimal places"),
        ("100", "-5", "vat-input", "cannot be negative"),
        ("100", "", "vat-input", "enter an amount"),
    ],
)
async def test_step_two_shows_validation_messages_next_to_the_fields(
    logged_in, portal_app, read_page, output_vat, input_vat, field, message
):
    token = await csrf(logged_in, read_page, "/vat/new")
    await logged_in.post("/vat/new", data={"vat-period": OPEN_PERIOD, "vat-number": vat_number_of(portal_app), "csrf_token": token})

    response = await logged_in.post("/vat/new/amounts", data={"vat-output": output_vat, "vat-input": input_vat, "csrf_token": token})

    page = read_page(response)
    assert response.url.path == "/vat/new/amounts"
    assert message in page.text(f"{field}-error")
    assert page.fields[field] == (output_vat if field == "vat-output" else input_vat)


async def test_vat_forms_reject_a_missing_csrf_token(logged_in, portal_app):
    response = await logged_in.post("/vat/new", data={"vat-period": OPEN_PERIOD, "vat-number": vat_number_of(portal_app)})

    assert response.status_code == 403


async def test_a_tenant_cannot_open_another_tenants_receipt(logged_in, portal_app):
    other = portal_app.state.portal.returns_of("globex-finance")[0]

    response = await logged_in.get(f"/vat/returns/{other.receipt_number}/receipt.pdf")

    assert response.status_code == 404


async def test_seeded_returns_are_the_same_for_the_same_seed_and_clock(accounts, clock):
    first = create_tax_portal(accounts, clock=clock, seed=7).state.portal.returns_of("acme-finance")
    second = create_tax_portal(accounts, clock=clock, seed=7).state.portal.returns_of("acme-finance")

    assert first == second
    assert len(first) == 12
    assert FILED_PERIOD in [vat_return.period for vat_return in first]


async def test_changed_layout_renames_the_fields_and_the_flow_still_works_with_the_new_names(
    portal_app, client, account_of, read_page
):
    portal_app.state.portal.switches.set(layout_changed=True)
    account = account_of("tax")
    login = read_page(await client.get("/login"))
    assert "username" not in login.by_id and "user-login-field" in login.by_id
    assert login.by_id["sign-in-button"].attrs["value"] == "Sign in"

    token = login.fields["authenticity_token"]
    home = await client.post(
        "/login", data={"user-login-field": account.username, "user-password-field": account.password, "authenticity_token": token}
    )
    assert home.url.path == "/"

    step1 = read_page(await client.get("/vat/new"))
    assert {"declaration-period", "vat-id", "continue-button"} <= step1.by_id.keys()
    assert "vat-period" not in step1.by_id
    assert step1.by_id["continue-button"].attrs["value"] == "Continue"
