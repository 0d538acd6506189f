"""The bank sandbox: password plus TOTP login, statements with paging, filter and CSV, and payments."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from decimal import Decimal

import httpx
import pyotp
import pytest

from infra.portals import create_bank_portal
from infra.portals.bank.seed import beneficiary_iban

SUPPLIER_NAME = "Meridian Industrial Supply"


@pytest.fixture
def portal_app(accounts, clock):
    return create_bank_portal(accounts, clock=clock, payment_execution_delay=60)


@pytest.fixture
def bank(portal_app):
    return portal_app.state.portal


@pytest.fixture
async def client(portal_app, open_client) -> httpx.AsyncClient:
    return await open_client(portal_app)


@pytest.fixture
def current_code(account_of, clock):
    """The acme user's TOTP code at the sandbox clock's time, as their authenticator would show it."""
    return lambda: pyotp.TOTP(account_of("bank").totp_seed).at(clock.now())


@pytest.fixture
async def logged_in(client, account_of, current_code) -> httpx.AsyncClient:
    account = account_of("bank")
    await client.post("/login", data={"username": account.username, "password": account.password})
    response = await client.post("/login/totp", data={"totp": current_code()})
    assert response.url.path == "/accounts"
    return client


@pytest.fixture
def current_account(bank):
    return bank.customers["acme"].accounts[next(iter(bank.customers["acme"].accounts))]


async def test_the_password_alone_does_not_open_the_accounts(client, account_of, read_page):
    account = account_of("bank")

    response = await client.post("/login", data={"username": account.username, "password": account.password})

    assert response.url.path == "/login/totp"
    assert {"totp", "verify-button"} <= read_page(response).by_id.keys()
    assert (await client.get("/accounts")).url.path == "/login"


async def test_a_wrong_totp_code_is_rejected(client, account_of, current_code, read_page):
    account = account_of("bank")
    await client.post("/login", data={"username": account.username, "password": account.password})
    wrong = f"{(int(current_code()) + 1) % 1_000_000:06d}"

    response = await client.post("/login/totp", data={"totp": wrong})

    assert "not valid" in read_page(response).text("totp-error-message")
    assert (await client.get("/accounts")).url.path == "/login"


async def test_the_totp_step_needs_the_password_step_first(client, current_code):
    response = await client.post("/login/totp", data={"totp": current_code()})

    assert response.url.path == "/login"


async def test_the_accounts_page_lists_accounts_with_balances(logged_in, bank, read_page):
    rows = read_page(await logged_in.get("/accounts")).rows("accounts-table")

    assert [row[0] for row in rows] == ["Business current account", "Business savings account", "Foreign currency account"]
    assert [row[2] for row in rows] == ["EUR", "EUR", "USD"]
    first = bank.customers["acme"].accounts[next(iter(bank.customers["acme"].accounts))]
    assert rows[0][3] == f"{first.balance:,.2f}"


async def test_the_current_account_has_six_months_of_lines_with_invoice_references(current_account, clock):
    lines = current_account.lines

    assert len(lines) == 120
    assert (clock.today() - lines[0].booked_on).days <= 183
    assert lines[-1].booked_on < clock.today()
    assert sum(bool(re.fullmatch(r"INV-2026-\d{6}", line.reference)) for line in lines) > 30


async def test_statements_are_paged_twenty_lines_at_a_time(logged_in, current_account, read_page):
    first = read_page(await logged_in.get(f"/accounts/{current_account.iban}/statement"))

    assert len(first.rows("statement-table")) == 20
    assert first.text("page-info") == "Page 1 of 6 (120 transactions)"
    assert "prev-page" not in first.by_id
    newest = current_account.lines[-1]
    assert first.rows("statement-table")[0][:3] == [newest.booked_on.isoformat(), newest.description, newest.reference]

    second = read_page(await logged_in.get(first.by_id["next-page"].attrs["href"]))
    assert second.text("page-info") == "Page 2 of 6 (120 transactions)"
    assert second.rows("statement-table")[0][2] == current_account.lines[-21].reference

    last = read_page(await logged_in.get(f"/accounts/{current_account.iban}/statement?page=6"))
    assert len(last.rows("statement-table")) == 20
    assert "next-page" not in last.by_id and "prev-page" in last.by_id


async def test_the_date_filter_keeps_only_lines_in_range(logged_in, current_account, read_page):
    query = {"date-from": "2026-08-01", "date-to": "2026-08-31"}

    page = read_page(await logged_in.get(f"/accounts/{current_account.iban}/statement", params=query))

    expected = [line for line in current_account.lines if date(2026, 8, 1) <= line.booked_on <= date(2026, 8, 31)]
    shown = page.rows("statement-table")
    assert 0 < len(shown) <= 20
    assert all(row[0].startswith("2026-08") for row in shown)
    assert page.text("page-info").endswith(f"({len(expected)} transactions)")
    assert page.fields["date-from"] == "2026-08-01"
    assert "date-from=2026-08-01" in page.by_id["statement-download"].attrs["href"]


async def test_an_invalid_date_shows_a_message_and_no_filter(logged_in, current_account, read_page):
    page = read_page(await logged_in.get(f"/accounts/{current_account.iban}/statement", params={"date-from": "31.08.2026"}))

    assert "YYYY-MM-DD" in page.text("date-from-error")
    assert page.text("page-info").endswith("(120 transactions)")


async def test_the_csv_download_holds_the_filtered_statement(logged_in, current_account, read_page):
    query = {"date-from": "2026-07-01", "date-to": "2026-09-30"}
    page = read_page(await logged_in.get(f"/accounts/{current_account.iban}/statement", params=query))

    response = await logged_in.get(page.by_id["statement-download"].attrs["href"])

    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == f'attachment; filename="statement-{current_account.iban}-2026-07-01-2026-09-30.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text)))
    expected = [line for line in current_account.lines if date(2026, 7, 1) <= line.booked_on <= date(2026, 9, 30)][::-1]
    assert list(rows[0].keys()) == ["date", "description", "reference", "amount", "balance"]
    assert [row["reference"] for row in rows] == [line.reference for line in expected]
    assert Decimal(rows[0]["amount"]) == expected[0].amount
    assert Decimal(rows[0]["balance"]) == expected[0].balance


async def pay(client, read_page, code, *, from_iban, amount="1250.00", reference="SI-2026-00042"):
    """Goes through form -> review -> code, as a user would; returns the final page."""
    review = await client.post(
        "/payments/new",
        data={
            "payment-account": from_iban,
            "beneficiary-name": SUPPLIER_NAME,
            "beneficiary-iban": beneficiary_iban(SUPPLIER_NAME),
            "payment-amount": amount,
            "payment-currency": "EUR",
            "payment-reference": reference,
        },
    )
    assert "/review" in review.url.path, review.text
    code_page = await client.post(str(review.url))
    assert code_page.url.path.endswith("/authorise")
    assert {"otp-code", "authorise-button"} <= read_page(code_page).by_id.keys()
    return await client.post(str(code_page.url), data={"otp-code": code})


async def test_a_payment_goes_through_review_and_one_time_code_then_is_listed_and_executed(
    logged_in, current_account, clock, current_code, read_page
):
    balance_before = current_account.balance

    done = read_page(await pay(logged_in, read_page, current_code(), from_iban=current_account.iban))

    payment_id = done.text("payment-id")
    assert done.text("payment-status") == "Pending"
    rows = read_page(await logged_in.get("/payments")).rows("payments-table")
    assert rows[0][0] == payment_id and rows[0][3] == SUPPLIER_NAME and rows[0][5:] == ["1,250.00", "EUR", "SI-2026-00042", "Pending"]

    clock.advance(61)

    assert read_page(await logged_in.get("/payments")).rows("payments-table")[0][-1] == "Executed"
    assert current_account.balance == balance_before - Decimal("1250.00")
    assert current_account.lines[-1].reference == "SI-2026-00042"


async def test_a_wrong_one_time_code_does_not_authorise_the_payment(logged_in, current_account, current_code, read_page):
    wrong = f"{(int(current_code()) + 1) % 1_000_000:06d}"

    response = await pay(logged_in, read_page, wrong, from_iban=current_account.iban)

    assert "not valid" in read_page(response).text("otp-error-message")
    assert read_page(await logged_in.get("/payments")).rows("payments-table") == []


async def test_the_same_payment_submitted_twice_makes_two_payments(logged_in, current_account, current_code, read_page):
    first = read_page(await pay(logged_in, read_page, current_code(), from_iban=current_account.iban))
    second = read_page(await pay(logged_in, read_page, current_code(), from_iban=current_account.iban))

    assert first.text("payment-id") != second.text("payment-id")
    rows = read_page(await logged_in.get("/payments")).rows("payments-table")
    assert len(rows) == 2
    assert rows[0][3:8] == rows[1][3:8]


async def test_payments_execute_at_once_when_the_delay_is_zero(accounts, clock, open_client, account_of, read_page):
    app = create_bank_portal(accounts, clock=clock, payment_execution_delay=0)
    client = await open_client(app)
    account = account_of("bank")
    code = pyotp.TOTP(account.totp_seed).at(clock.now())
    await client.post("/login", data={"username": account.username, "password": account.password})
    await client.post("/login/totp", data={"totp": code})
    iban = next(iter(app.state.portal.customers["acme"].accounts))

    done = read_page(await pay(client, read_page, code, from_iban=iban))

    assert done.text("payment-status") == "Executed"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("beneficiary-iban", "NL00ABNA0123456789", "not valid"),
        ("payment-amount", "0", "greater than zero"),
        ("payment-amount", "99999999", "Insufficient funds"),
        ("payment-currency", "USD", "must be in EUR"),
        ("beneficiary-name", "", "beneficiary's name"),
    ],
)
async def test_the_payment_form_shows_validation_messages(logged_in, current_account, read_page, field, value, message):
    data = {
        "payment-account": current_account.iban,
        "beneficiary-name": SUPPLIER_NAME,
        "beneficiary-iban": beneficiary_iban(SUPPLIER_NAME),
        "payment-amount": "10.00",
        "payment-currency": "EUR",
        "payment-reference": "x",
        field: value,
    }

    response = await logged_in.post("/payments/new", data=data)

    assert response.url.path == "/payments/new"
    assert message in read_page(response).text(f"{field}-error")


async def test_changed_layout_renames_the_statement_and_payment_elements(bank, logged_in, current_account, read_page):
    bank.switches.set(layout_changed=True)

    statement = read_page(await logged_in.get(f"/accounts/{current_account.iban}/statement"))
    payment_form = read_page(await logged_in.get("/payments/new"))

    assert {"period-start", "period-end", "apply-filter-button", "transactions-table", "export-csv-link"} <= statement.by_id.keys()
    assert "statement-table" not in statement.by_id
    assert {"payee-name", "payee-account", "transfer-amount", "next-step-button"} <= payment_form.by_id.keys()
    assert payment_form.by_id["next-step-button"].attrs["value"] == "Next"
    assert "beneficiary-name" not in payment_form.by_id
