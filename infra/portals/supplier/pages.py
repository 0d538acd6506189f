"""The supplier extranet's HTML: a frameset with a navigation frame and a content frame, and its pages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from infra.portals.amounts import format_amount
from infra.portals.element_names import LOGIN_RENAMES, ElementNames
from infra.portals.html import SafeHtml, data_table, esc, field_error, link, notice, render_page, submit_button
from infra.portals.login_form import login_form
from infra.portals.page_context import PageContext
from infra.portals.supplier.forms import ORDER_LINE_ROWS, PO_REFERENCE_FIELD, quantity_field, sku_field
from infra.portals.supplier.models import Order, Product, SupplierCustomer
from infra.portals.supplier.state import SupplierPortalState

SUPPLIER_NAMES = ElementNames(
    LOGIN_RENAMES,
    {
        "nav": "menu",
        "content": "main",
        "nav-catalogue": "menu-products",
        "nav-new-order": "menu-purchase",
        "nav-orders": "menu-order-history",
        "search-query": "keywords",
        "search-button": "find-button",
        "Search": "Find",
        "catalogue-results": "product-list",
        PO_REFERENCE_FIELD: "customer-reference",
        **{sku_field(row): f"article-{row}" for row in range(1, ORDER_LINE_ROWS + 1)},
        **{quantity_field(row): f"qty-{row}" for row in range(1, ORDER_LINE_ROWS + 1)},
        "submit-order-button": "place-order-button",
        "Submit order": "Send order",
        "order-number": "order-confirmation-number",
        "orders-table": "order-history",
        "order-status": "order-state",
        "invoice-download": "invoice-pdf-link",
    },
)

# A login page opened inside a frame (after a session timeout) takes over the whole window.
_BREAK_OUT_OF_FRAMES = '<script type="text/javascript">if (window.top !== window.self) { window.top.location.href = window.location.href; }</script>'
STATUS_LABELS = {"submitted": "Submitted", "confirmed": "Confirmed", "shipped": "Shipped", "invoiced": "Invoiced"}


def login_page(ctx: PageContext, *, error: str = "", message: str = "") -> str:
    form = login_form(ctx, action="/login", error=error, message=message)
    return _page(ctx, "Partner login", form, head_extra=_BREAK_OUT_OF_FRAMES)


def frameset_page(ctx: PageContext) -> str:
    name = ctx.name
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Frameset//EN">
<html>
<head><title>{esc(SupplierPortalState.title)}</title></head>
<frameset cols="190,*" frameborder="1" border="1">
<frame name="{esc(name("nav"))}" id="{esc(name("nav"))}" src="{esc(ctx.url("/nav"))}" scrolling="no" noresize>
<frame name="{esc(name("content"))}" id="{esc(name("content"))}" src="{esc(ctx.url("/welcome"))}">
<noframes><body>This site requires a browser that supports frames.</body></noframes>
</frameset>
</html>
"""


def nav_page(ctx: PageContext) -> str:
    name, content = ctx.name, ctx.name("content")
    items = [
        link(ctx.url("/welcome"), "Home", element_id="nav-home", target=content),
        link(ctx.url("/catalogue"), "Catalogue", element_id=name("nav-catalogue"), target=content),
        link(ctx.url("/orders/new"), "New purchase order", element_id=name("nav-new-order"), target=content),
        link(ctx.url("/orders"), "Order status", element_id=name("nav-orders"), target=content),
        link(ctx.url("/logout"), "Log out", element_id=name("logout-link"), target="_top"),
    ]
    rows = "".join(f"<tr><td>{item}</td></tr>" for item in items)
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html><head><title>Menu</title>
<style type="text/css">body {{ font-family: Verdana, Arial, sans-serif; font-size: 11px; background: #d4d0c8; }}</style>
</head><body>
<p><b>Meridian<br>Industrial Supply</b></p>
<table id="nav-menu" cellpadding="3">{rows}</table>
<p>User: <b id="logged-in-user">{esc(ctx.username or "")}</b></p>
</body></html>
"""


def welcome_page(ctx: PageContext, *, customer: SupplierCustomer) -> str:
    body = f"""<p>Welcome to the partner extranet, <b id="company-name">{esc(customer.company_name)}</b>
(customer number <span id="customer-number">{esc(customer.customer_number)}</span>).</p>
<p>Use the menu on the left to search the catalogue, place purchase orders and follow their status.</p>"""
    return _page(ctx, "Welcome", body)


def catalogue_page(ctx: PageContext, *, query: str, products: Sequence[Product]) -> str:
    name = ctx.name
    rows = [
        (product.sku, product.name, product.unit, format_amount(product.unit_price), product.stock if product.stock > 0 else "Out of stock")
        for product in products
    ]
    results = data_table(name("catalogue-results"), ["SKU", "Name", "Unit", "Price (EUR)", "Stock"], rows, numeric=[3, 4])
    body = f"""<form id="search-form" method="get" action="{esc(ctx.url("/catalogue"))}">
<label for="{esc(name("search-query"))}">Search</label>
<input type="text" id="{esc(name("search-query"))}" name="{esc(name("search-query"))}" value="{esc(query)}" size="30">
{submit_button(name("search-button"), name("Search"))}
</form>
<p id="result-count">{len(products)} article(s) found.</p>
{results}"""
    return _page(ctx, "Catalogue", body)


def order_form_page(ctx: PageContext, *, values: Mapping[str, str], errors: Mapping[str, str]) -> str:
    name = ctx.name
    line_rows = "".join(
        f"""<tr><td>{row}</td>
<td>{_input(name(sku_field(row)), values.get(sku_field(row), ""), 12)}{field_error(name(sku_field(row)), errors.get(sku_field(row), ""))}</td>
<td>{_input(name(quantity_field(row)), values.get(quantity_field(row), ""), 6)}{field_error(name(quantity_field(row)), errors.get(quantity_field(row), ""))}</td></tr>
"""
        for row in range(1, ORDER_LINE_ROWS + 1)
    )
    body = f"""{notice("The order could not be submitted. Please correct the errors below." if errors else "", element_id="form-error", kind="error")}
<form id="order-form" method="post" action="{esc(ctx.url("/orders/new"))}">
<p><label for="{esc(name(PO_REFERENCE_FIELD))}">Your PO reference</label>
{_input(name(PO_REFERENCE_FIELD), values.get(PO_REFERENCE_FIELD, ""), 20)}{field_error(name(PO_REFERENCE_FIELD), errors.get(PO_REFERENCE_FIELD, ""))}</p>
<table id="order-lines" class="data">
<tr><th>Line</th><th>Article number (SKU)</th><th>Quantity</th></tr>
{line_rows}</table>
<p>{submit_button(name("submit-order-button"), name("Submit order"))}</p>
</form>"""
    return _page(ctx, "New purchase order", body)


def order_submitted_page(ctx: PageContext, *, order: Order) -> str:
    body = f"""<p class="notice">Thank you. Your purchase order <b>{esc(order.po_reference)}</b> has been received.</p>
<p>Order number: <b id="{esc(ctx.name("order-number"))}">{esc(order.order_number)}</b></p>
{_order_lines(order)}
<p>{link(ctx.url(f"/orders/{order.order_number}"), "Follow the status of this order", element_id="order-status-link")}</p>"""
    return _page(ctx, "Order received", body)


def orders_page(ctx: PageContext, *, orders: Sequence[Order]) -> str:
    rows = [
        (
            SafeHtml(link(ctx.url(f"/orders/{order.order_number}"), order.order_number)),
            order.po_reference,
            order.submitted_at.strftime("%d.%m.%Y"),
            format_amount(order.gross_total),
            STATUS_LABELS[order.status],
        )
        for order in orders
    ]
    table = data_table(ctx.name("orders-table"), ["Order number", "PO reference", "Date", "Total incl. VAT (EUR)", "Status"], rows, numeric=[3])
    return _page(ctx, "Order status", table)


def order_status_page(ctx: PageContext, *, order: Order) -> str:
    name = ctx.name
    invoice = ""
    if order.invoice_number:
        pdf_link = link(ctx.url(invoice_path(order)), "Download invoice (PDF)", element_id=name("invoice-download"))
        invoice = f'<p>Invoice <b id="invoice-number">{esc(order.invoice_number)}</b>: {pdf_link}</p>'
    body = f"""<p>Order <b id="status-order-number">{esc(order.order_number)}</b>, your reference {esc(order.po_reference)},
submitted {esc(order.submitted_at.strftime("%d.%m.%Y %H:%M"))}.</p>
<p>Status: <b id="{esc(name("order-status"))}">{esc(STATUS_LABELS[order.status])}</b></p>
{invoice}
{_order_lines(order)}"""
    return _page(ctx, "Order details", body)


def invoice_path(order: Order) -> str:
    return f"/orders/{order.order_number}/invoice.pdf"


def _order_lines(order: Order) -> str:
    rows = [
        (line.sku, line.name, line.quantity, format_amount(line.unit_price), format_amount(line.total)) for line in order.lines
    ]
    rows += [
        ("", "Net total", "", "", format_amount(order.net_total)),
        ("", "VAT 21%", "", "", format_amount(order.vat)),
        ("", "Total", "", "", format_amount(order.gross_total)),
    ]
    return data_table("order-lines-table", ["SKU", "Name", "Quantity", "Unit price", "Line total"], rows, numeric=[2, 3, 4])


def _input(field_name: str, value: str, size: int) -> str:
    return f'<input type="text" id="{esc(field_name)}" name="{esc(field_name)}" value="{esc(value)}" size="{size}">'


def _page(ctx: PageContext, title: str, body: str, *, head_extra: str = "") -> str:
    # Pages live in the content frame, where the navigation frame is the menu.
    return render_page(portal_title=SupplierPortalState.title, title=title, body=body, accent="#7a1f1f", head_extra=head_extra)
