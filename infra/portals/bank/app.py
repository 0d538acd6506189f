"""The bank portal's routes: password then TOTP login, accounts, statements with CSV export, and payments."""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from infra.portals.accounts import PortalAccount
from infra.portals.amounts import format_amount
from infra.portals.bank import pages
from infra.portals.bank.documents import statement_csv, statement_filename
from infra.portals.bank.forms import DATE_FROM_FIELD, DATE_TO_FIELD, PAYMENT_FIELDS, check_date_filter, check_payment
from infra.portals.bank.models import BankAccount, PaymentDraft
from infra.portals.bank.state import BankPortalState, InvalidOneTimeCode, UnknownDraft
from infra.portals.clock import SandboxClock
from infra.portals.form_input import read_form
from infra.portals.login_form import BAD_CREDENTIALS_MESSAGE, login_message
from infra.portals.page_context import PageContext, page_context
from infra.portals.portal_app import build_portal_app
from infra.portals.sessions import end_session, requires_login, start_session
from infra.portals.urls import portal_url, redirect_to

ROWS_PER_PAGE = 20
PENDING_USER = "pending_user"  # session key: passed the password, not yet the second factor
INVALID_CODE_MESSAGE = "The code is not valid. Please try again."


def create_bank_portal(
    accounts: Iterable[PortalAccount],
    *,
    session_timeout: float = 900,
    seed: int = 0,
    clock: SandboxClock | None = None,
    payment_execution_delay: float = 60,
) -> Starlette:
    """The bank sandbox for the `bank` accounts among `accounts`; its state is `app.state.portal`."""
    portal = BankPortalState(
        accounts, session_timeout=session_timeout, seed=seed, clock=clock, payment_execution_delay=payment_execution_delay
    )
    return build_portal_app(portal, ROUTES)


def _portal(request: Request) -> BankPortalState:
    return request.app.state.portal


def _context(request: Request) -> PageContext:
    return page_context(request, pages.BANK_NAMES)


async def login(request: Request) -> Response:
    ctx = _context(request)
    if request.method == "GET":
        return HTMLResponse(pages.login_page(ctx, message=login_message(request.query_params)))
    form = await read_form(request)
    account = _portal(request).authenticate(form.get(ctx.name("username"), ""), form.get(ctx.name("password"), ""))
    if account is None:
        return HTMLResponse(pages.login_page(ctx, error=BAD_CREDENTIALS_MESSAGE))
    request.session.clear()
    request.session[PENDING_USER] = account.username
    return redirect_to(request, "/login/totp")


async def login_totp(request: Request) -> Response:
    ctx, portal = _context(request), _portal(request)
    username = request.session.get(PENDING_USER)
    if username not in portal.accounts:
        return redirect_to(request, "/login")
    if request.method == "GET":
        return HTMLResponse(pages.totp_page(ctx))
    form = await read_form(request)
    if not portal.verify_totp(username, form.get(ctx.name("totp"), "")):
        return HTMLResponse(pages.totp_page(ctx, error=INVALID_CODE_MESSAGE))
    start_session(request, username)
    return redirect_to(request, "/accounts")


async def logout(request: Request) -> Response:
    end_session(request)
    return redirect_to(request, "/login?logged_out=1")


@requires_login
async def home(request: Request) -> Response:
    return redirect_to(request, "/accounts")


@requires_login
async def accounts_list(request: Request) -> Response:
    return HTMLResponse(pages.accounts_page(_context(request), accounts=_accounts_with_available(request)))


@requires_login
async def statement(request: Request) -> Response:
    ctx, portal = _context(request), _portal(request)
    account = _account_or_404(request)
    filter_values = {field: request.query_params.get(ctx.name(field), "") for field in (DATE_FROM_FIELD, DATE_TO_FIELD)}
    dates, errors = check_date_filter(from_text=filter_values[DATE_FROM_FIELD], to_text=filter_values[DATE_TO_FIELD])
    lines = portal.statement(account, date_from=dates.date_from, date_to=dates.date_to)
    page_count = max(1, math.ceil(len(lines) / ROWS_PER_PAGE))
    page = _page_number(request.query_params.get("page", "1"), page_count)
    shown = lines[(page - 1) * ROWS_PER_PAGE : page * ROWS_PER_PAGE]
    # Links carry only a valid filter, so paging never keeps an error alive.
    query = {ctx.name(DATE_FROM_FIELD): str(dates.date_from or ""), ctx.name(DATE_TO_FIELD): str(dates.date_to or "")}
    base = portal_url(request, pages.statement_path(account))
    page_href = {}
    if page > 1:
        page_href["prev"] = f"{base}?{urlencode({**query, 'page': page - 1})}"
    if page < page_count:
        page_href["next"] = f"{base}?{urlencode({**query, 'page': page + 1})}"
    rows = [
        (line.booked_on.isoformat(), line.description, line.reference, format_amount(line.amount), format_amount(line.balance))
        for line in shown
    ]
    html = pages.statement_page(
        ctx,
        account=account,
        rows=rows,
        page=page,
        page_count=page_count,
        line_count=len(lines),
        filter_values=filter_values,
        errors=errors,
        page_href=page_href,
        csv_href=f"{base}.csv?{urlencode(query)}",
    )
    return HTMLResponse(html)


@requires_login
async def statement_download(request: Request) -> Response:
    ctx, portal = _context(request), _portal(request)
    account = _account_or_404(request)
    dates, errors = check_date_filter(
        from_text=request.query_params.get(ctx.name(DATE_FROM_FIELD), ""),
        to_text=request.query_params.get(ctx.name(DATE_TO_FIELD), ""),
    )
    if errors:
        raise HTTPException(400, " ".join(errors.values()))
    lines = portal.statement(account, date_from=dates.date_from, date_to=dates.date_to)
    filename = statement_filename(account.iban, dates.date_from, dates.date_to)
    return Response(
        statement_csv(lines),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@requires_login
async def payment_new(request: Request) -> Response:
    ctx, portal, username = _context(request), _portal(request), request.state.username
    accounts = _accounts_with_available(request)
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    if request.method == "POST":
        form = await read_form(request)
        values = {field: form.get(ctx.name(field), "") for field in PAYMENT_FIELDS}
        details, errors = check_payment(
            values, accounts=[account for account, _ in accounts], available={a.iban: amount for a, amount in accounts}
        )
        if not errors:
            draft = portal.create_draft(username, **details)
            return redirect_to(request, f"/payments/drafts/{draft.draft_id}/review")
    return HTMLResponse(pages.payment_form_page(ctx, accounts=accounts, values=values, errors=errors))


@requires_login
async def payment_review(request: Request) -> Response:
    portal, username = _portal(request), request.state.username
    draft = _draft_or_404(request)
    if request.method == "POST":
        portal.mark_reviewed(username, draft.draft_id)
        return redirect_to(request, f"/payments/drafts/{draft.draft_id}/authorise")
    account = portal.customer(username).accounts[draft.from_iban]
    return HTMLResponse(pages.payment_review_page(_context(request), draft=draft, account=account))


@requires_login
async def payment_authorise(request: Request) -> Response:
    ctx, portal, username = _context(request), _portal(request), request.state.username
    draft = _draft_or_404(request)
    if not draft.reviewed:
        return redirect_to(request, f"/payments/drafts/{draft.draft_id}/review")
    if request.method == "GET":
        return HTMLResponse(pages.payment_code_page(ctx, draft=draft))
    form = await read_form(request)
    try:
        payment = portal.authorise(username, draft.draft_id, form.get(ctx.name("otp-code"), ""))
    except InvalidOneTimeCode:
        return HTMLResponse(pages.payment_code_page(ctx, draft=draft, error=INVALID_CODE_MESSAGE))
    return redirect_to(request, f"/payments/{payment.payment_id}?created=1")


@requires_login
async def payments_list(request: Request) -> Response:
    payments = _portal(request).payments_of(request.state.username)
    return HTMLResponse(pages.payments_page(_context(request), payments=payments))


@requires_login
async def payment_detail(request: Request) -> Response:
    portal, username = _portal(request), request.state.username
    payment = portal.payment(username, request.path_params["payment_id"])
    if payment is None:
        raise HTTPException(404, "No such payment.")
    account = portal.customer(username).accounts[payment.from_iban]
    page = pages.payment_page(
        _context(request), payment=payment, account=account, just_created=bool(request.query_params.get("created"))
    )
    return HTMLResponse(page)


def _accounts_with_available(request: Request) -> list[tuple[BankAccount, Decimal]]:
    portal, username = _portal(request), request.state.username
    return [(account, portal.available_balance(username, account)) for account in portal.accounts_of(username)]


def _account_or_404(request: Request) -> BankAccount:
    account = _portal(request).account(request.state.username, request.path_params["iban"])
    if account is None:
        raise HTTPException(404, "No such account.")
    return account


def _draft_or_404(request: Request) -> PaymentDraft:
    try:
        return _portal(request).draft(request.state.username, request.path_params["draft_id"])
    except UnknownDraft:
        raise HTTPException(404, "This payment is no longer awaiting authorisation.") from None


def _page_number(text: str, page_count: int) -> int:
    """The requested page, kept within 1..page_count; nonsense means page 1."""
    try:
        return min(max(int(text), 1), page_count)
    except ValueError:
        return 1


ROUTES = [
    Route("/", home),
    Route("/login", login, methods=["GET", "POST"]),
    Route("/login/totp", login_totp, methods=["GET", "POST"]),
    Route("/logout", logout),
    Route("/accounts", accounts_list),
    Route("/accounts/{iban}/statement", statement),
    Route("/accounts/{iban}/statement.csv", statement_download),
    Route("/payments", payments_list),
    Route("/payments/new", payment_new, methods=["GET", "POST"]),
    Route("/payments/drafts/{draft_id}/review", payment_review, methods=["GET", "POST"]),
    Route("/payments/drafts/{draft_id}/authorise", payment_authorise, methods=["GET", "POST"]),
    Route("/payments/{payment_id}", payment_detail),
]
