"""The tax authority portal's routes: login with CSRF, the two-step VAT return, receipts and filed returns."""

from __future__ import annotations

from collections.abc import Iterable

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from infra.portals.accounts import PortalAccount
from infra.portals.clock import SandboxClock
from infra.portals.form_input import read_form
from infra.portals.login_form import BAD_CREDENTIALS_MESSAGE, login_message
from infra.portals.page_context import PageContext, page_context
from infra.portals.pdf import pdf_download
from infra.portals.portal_app import build_portal_app
from infra.portals.sessions import csrf_token, csrf_token_is_valid, end_session, requires_login, start_session
from infra.portals.tax import pages
from infra.portals.tax.documents import receipt_filename, receipt_pdf
from infra.portals.tax.forms import (
    INPUT_FIELD,
    OUTPUT_FIELD,
    PERIOD_FIELD,
    VAT_NUMBER_FIELD,
    check_amounts,
    check_period_and_vat_number,
    normalise_vat_number,
)
from infra.portals.tax.periods import Period
from infra.portals.tax.state import PeriodAlreadyFiled, TaxPortalState
from infra.portals.urls import redirect_to

DRAFT = "vat_draft"  # session key: the return being filled in, as strings
CSRF_LOGIN_ERROR = "Your login form has expired or is invalid. Please try again."


def create_tax_portal(
    accounts: Iterable[PortalAccount],
    *,
    session_timeout: float = 900,
    seed: int = 0,
    clock: SandboxClock | None = None,
) -> Starlette:
    """The tax authority sandbox for the `tax` accounts among `accounts`; its state is `app.state.portal`."""
    portal = TaxPortalState(accounts, session_timeout=session_timeout, seed=seed, clock=clock)
    return build_portal_app(portal, ROUTES)


def _portal(request: Request) -> TaxPortalState:
    return request.app.state.portal


def _context(request: Request) -> PageContext:
    return page_context(request, pages.TAX_NAMES)


async def login(request: Request) -> Response:
    ctx = _context(request)
    if request.method == "GET":
        return HTMLResponse(pages.login_page(ctx, csrf=csrf_token(request), message=login_message(request.query_params)))
    form = await read_form(request)
    if not csrf_token_is_valid(request, form.get(ctx.name("csrf_token"))):
        return HTMLResponse(pages.login_page(ctx, csrf=csrf_token(request), error=CSRF_LOGIN_ERROR), status_code=403)
    account = _portal(request).authenticate(form.get(ctx.name("username"), ""), form.get(ctx.name("password"), ""))
    if account is None:
        return HTMLResponse(pages.login_page(ctx, csrf=csrf_token(request), error=BAD_CREDENTIALS_MESSAGE))
    start_session(request, account.username)
    return redirect_to(request, "/")


async def logout(request: Request) -> Response:
    end_session(request)
    return redirect_to(request, "/login?logged_out=1")


@requires_login
async def home(request: Request) -> Response:
    portal, username = _portal(request), request.state.username
    page = pages.home_page(
        _context(request), taxpayer=portal.taxpayer(username), open_periods=portal.open_periods(username)
    )
    return HTMLResponse(page)


@requires_login
async def vat_step1(request: Request) -> Response:
    ctx, portal = _context(request), _portal(request)
    draft = request.session.get(DRAFT, {})
    values = {PERIOD_FIELD: draft.get("period", ""), VAT_NUMBER_FIELD: draft.get("vat_number", "")}
    errors: dict[str, str] = {}
    if request.method == "POST":
        form = await read_form(request)
        if not csrf_token_is_valid(request, form.get(ctx.name("csrf_token"))):
            return HTMLResponse(pages.csrf_error_page(ctx), status_code=403)
        values = {field: form.get(ctx.name(field), "") for field in (PERIOD_FIELD, VAT_NUMBER_FIELD)}
        errors = check_period_and_vat_number(
            period_text=values[PERIOD_FIELD],
            vat_number_text=values[VAT_NUMBER_FIELD],
            taxpayer=portal.taxpayer(request.state.username),
            today=portal.clock.today(),
        )
        if not errors:
            request.session[DRAFT] = {
                "period": str(Period.parse(values[PERIOD_FIELD])),
                "vat_number": normalise_vat_number(values[VAT_NUMBER_FIELD]),
            }
            return redirect_to(request, "/vat/new/amounts")
    return HTMLResponse(pages.step1_page(ctx, csrf=csrf_token(request), values=values, errors=errors))


@requires_login
async def vat_step2(request: Request) -> Response:
    ctx = _context(request)
    draft = request.session.get(DRAFT)
    if not draft:
        return redirect_to(request, "/vat/new")
    values = {OUTPUT_FIELD: draft.get("output", ""), INPUT_FIELD: draft.get("input", "")}
    errors: dict[str, str] = {}
    if request.method == "POST":
        form = await read_form(request)
        if not csrf_token_is_valid(request, form.get(ctx.name("csrf_token"))):
            return HTMLResponse(pages.csrf_error_page(ctx), status_code=403)
        values = {field: form.get(ctx.name(field), "") for field in (OUTPUT_FIELD, INPUT_FIELD)}
        amounts, errors = check_amounts(output_text=values[OUTPUT_FIELD], input_text=values[INPUT_FIELD])
        if not errors:
            request.session[DRAFT] = {**draft, "output": str(amounts[OUTPUT_FIELD]), "input": str(amounts[INPUT_FIELD])}
            return redirect_to(request, "/vat/new/review")
    return HTMLResponse(pages.step2_page(ctx, csrf=csrf_token(request), draft=draft, values=values, errors=errors))


@requires_login
async def vat_review(request: Request) -> Response:
    draft = request.session.get(DRAFT)
    if not draft or "output" not in draft:
        return redirect_to(request, "/vat/new")
    amounts, _ = check_amounts(output_text=draft["output"], input_text=draft["input"])
    page = pages.review_page(
        _context(request),
        csrf=csrf_token(request),
        draft=draft,
        output_vat=amounts[OUTPUT_FIELD],
        input_vat=amounts[INPUT_FIELD],
    )
    return HTMLResponse(page)


@requires_login
async def vat_submit(request: Request) -> Response:
    ctx, portal = _context(request), _portal(request)
    form = await read_form(request)
    if not csrf_token_is_valid(request, form.get(ctx.name("csrf_token"))):
        return HTMLResponse(pages.csrf_error_page(ctx), status_code=403)
    draft = request.session.pop(DRAFT, None)
    if not draft or "output" not in draft:
        return redirect_to(request, "/vat/new")
    amounts, _ = check_amounts(output_text=draft["output"], input_text=draft["input"])
    try:
        vat_return = portal.file_return(
            request.state.username, period=draft["period"], output_vat=amounts[OUTPUT_FIELD], input_vat=amounts[INPUT_FIELD]
        )
    except PeriodAlreadyFiled as already:
        # Filed from another session since step 1: send the user back there with the reason.
        error = f"A return for the period {already.existing.period} has already been filed (receipt {already.existing.receipt_number})."
        values = {PERIOD_FIELD: draft["period"], VAT_NUMBER_FIELD: draft["vat_number"]}
        page = pages.step1_page(ctx, csrf=csrf_token(request), values=values, errors={PERIOD_FIELD: error})
        return HTMLResponse(page)
    return redirect_to(request, f"/vat/returns/{vat_return.receipt_number}")


@requires_login
async def returns_list(request: Request) -> Response:
    returns = _portal(request).returns_of(request.state.username)
    return HTMLResponse(pages.returns_page(_context(request), returns=returns))


@requires_login
async def return_confirmation(request: Request) -> Response:
    vat_return = _portal(request).find_return(request.state.username, request.path_params["receipt_number"])
    if vat_return is None:
        raise HTTPException(404, "No return with that receipt number.")
    return HTMLResponse(pages.confirmation_page(_context(request), vat_return=vat_return))


@requires_login
async def return_receipt_pdf(request: Request) -> Response:
    portal, username = _portal(request), request.state.username
    vat_return = portal.find_return(username, request.path_params["receipt_number"])
    if vat_return is None:
        raise HTTPException(404, "No return with that receipt number.")
    return pdf_download(receipt_pdf(portal.taxpayer(username), vat_return), receipt_filename(vat_return))


ROUTES = [
    Route("/", home, name="home"),
    Route("/login", login, methods=["GET", "POST"]),
    Route("/logout", logout),
    Route("/vat/new", vat_step1, methods=["GET", "POST"]),
    Route("/vat/new/amounts", vat_step2, methods=["GET", "POST"]),
    Route("/vat/new/review", vat_review),
    Route("/vat/new/submit", vat_submit, methods=["POST"]),
    Route("/vat/returns", returns_list),
    Route("/vat/returns/{receipt_number}", return_confirmation),
    Route("/vat/returns/{receipt_number}/receipt.pdf", return_receipt_pdf),
]
