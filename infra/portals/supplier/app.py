"""The supplier extranet's routes: login, the frameset, catalogue search, purchase orders, status and invoices."""

from __future__ import annotations

from collections.abc import Iterable

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from infra.portals.accounts import PortalAccount
from infra.portals.clock import SandboxClock
from infra.portals.form_input import read_form
from infra.portals.login_form import BAD_CREDENTIALS_MESSAGE, login_message
from infra.portals.page_context import PageContext, page_context
from infra.portals.pdf import pdf_download
from infra.portals.portal_app import build_portal_app
from infra.portals.sandbox_admin import SANDBOX_PREFIX, sandbox_params
from infra.portals.sessions import end_session, requires_login, start_session
from infra.portals.supplier import pages
from infra.portals.supplier.documents import invoice_filename, invoice_pdf
from infra.portals.supplier.forms import ORDER_FIELDS, check_order, po_reference
from infra.portals.supplier.models import Order
from infra.portals.supplier.state import OrderProgress, SupplierPortalState, UnknownOrder
from infra.portals.urls import redirect_to


def create_supplier_portal(
    accounts: Iterable[PortalAccount],
    *,
    session_timeout: float = 900,
    seed: int = 0,
    clock: SandboxClock | None = None,
    order_progress: OrderProgress = "per_view",
) -> Starlette:
    """The supplier sandbox for the `supplier` accounts among `accounts`; its state is `app.state.portal`."""
    portal = SupplierPortalState(
        accounts, session_timeout=session_timeout, seed=seed, clock=clock, order_progress=order_progress
    )
    return build_portal_app(portal, ROUTES, sandbox_routes=SANDBOX_ROUTES)


def _portal(request: Request) -> SupplierPortalState:
    return request.app.state.portal


def _context(request: Request) -> PageContext:
    return page_context(request, pages.SUPPLIER_NAMES)


async def login(request: Request) -> Response:
    ctx = _context(request)
    if request.method == "GET":
        return HTMLResponse(pages.login_page(ctx, message=login_message(request.query_params)))
    form = await read_form(request)
    account = _portal(request).authenticate(form.get(ctx.name("username"), ""), form.get(ctx.name("password"), ""))
    if account is None:
        return HTMLResponse(pages.login_page(ctx, error=BAD_CREDENTIALS_MESSAGE))
    start_session(request, account.username)
    return redirect_to(request, "/")


async def logout(request: Request) -> Response:
    end_session(request)
    return redirect_to(request, "/login?logged_out=1")


@requires_login
async def frameset(request: Request) -> Response:
    return HTMLResponse(pages.frameset_page(_context(request)))


@requires_login
async def navigation(request: Request) -> Response:
    return HTMLResponse(pages.nav_page(_context(request)))


@requires_login
async def welcome(request: Request) -> Response:
    customer = _portal(request).customer(request.state.username)
    return HTMLResponse(pages.welcome_page(_context(request), customer=customer))


@requires_login
async def catalogue(request: Request) -> Response:
    ctx = _context(request)
    query = request.query_params.get(ctx.name("search-query"), "")
    products = _portal(request).search(request.state.username, query)
    return HTMLResponse(pages.catalogue_page(ctx, query=query, products=products))


@requires_login
async def order_new(request: Request) -> Response:
    ctx, portal, username = _context(request), _portal(request), request.state.username
    values: dict[str, str] = {}
    errors: dict[str, str] = {}
    if request.method == "POST":
        form = await read_form(request)
        values = {field: form.get(ctx.name(field), "") for field in ORDER_FIELDS}
        lines, errors = check_order(values, catalogue=portal.customer(username).catalogue)
        if not errors:
            order = portal.submit_order(username, po_reference=po_reference(values), lines=lines)
            return redirect_to(request, f"/orders/{order.order_number}/submitted")
    return HTMLResponse(pages.order_form_page(ctx, values=values, errors=errors))


@requires_login
async def order_submitted(request: Request) -> Response:
    return HTMLResponse(pages.order_submitted_page(_context(request), order=_order_or_404(request)))


@requires_login
async def orders_list(request: Request) -> Response:
    orders = _portal(request).orders_of(request.state.username)
    return HTMLResponse(pages.orders_page(_context(request), orders=orders))


@requires_login
async def order_status(request: Request) -> Response:
    portal = _portal(request)
    try:
        order = portal.view_order(request.state.username, request.path_params["order_number"])
    except UnknownOrder:
        raise HTTPException(404, "No such order.") from None
    return HTMLResponse(pages.order_status_page(_context(request), order=order))


@requires_login
async def order_invoice_pdf(request: Request) -> Response:
    order = _order_or_404(request)
    if order.invoice_number is None:
        raise HTTPException(404, "No invoice is available for this order yet.")
    customer = _portal(request).customer(request.state.username)
    return pdf_download(invoice_pdf(customer, order), invoice_filename(order))


async def sandbox_advance_order(request: Request) -> Response:
    """`POST /_sandbox/orders/advance` with `order=<number>` and optional `steps` (default 1)."""
    params = await sandbox_params(request)
    try:
        order = _portal(request).advance_order(params.get("order", ""), int(params.get("steps", "1")))
    except (UnknownOrder, ValueError) as error:
        return PlainTextResponse(f"error: {error!r}\n", status_code=400)
    return PlainTextResponse(f"order={order.order_number}\nstatus={order.status}\n")


def _order_or_404(request: Request) -> Order:
    try:
        return _portal(request).order(request.state.username, request.path_params["order_number"])
    except UnknownOrder:
        raise HTTPException(404, "No such order.") from None


ROUTES = [
    Route("/", frameset),
    Route("/login", login, methods=["GET", "POST"]),
    Route("/logout", logout),
    Route("/nav", navigation),
    Route("/welcome", welcome),
    Route("/catalogue", catalogue),
    Route("/orders", orders_list),
    Route("/orders/new", order_new, methods=["GET", "POST"]),
    Route("/orders/{order_number}", order_status),
    Route("/orders/{order_number}/submitted", order_submitted),
    Route("/orders/{order_number}/invoice.pdf", order_invoice_pdf),
]
SANDBOX_ROUTES = [Route(f"{SANDBOX_PREFIX}/orders/advance", sandbox_advance_order, methods=["POST"])]
