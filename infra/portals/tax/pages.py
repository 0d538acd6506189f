"""The tax portal's HTML pages, and the element names its forms use in each layout."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from infra.portals.amounts import format_amount
from infra.portals.element_names import LOGIN_RENAMES, ElementNames
from infra.portals.html import (
    SafeHtml,
    data_table,
    esc,
    field_row,
    hidden,
    link,
    menu_links,
    notice,
    render_page,
    submit_button,
)
from infra.portals.login_form import login_form
from infra.portals.page_context import PageContext
from infra.portals.tax.forms import INPUT_FIELD, OUTPUT_FIELD, PERIOD_FIELD, VAT_NUMBER_FIELD
from infra.portals.tax.models import Taxpayer, VatReturn
from infra.portals.tax.state import TaxPortalState

TAX_NAMES = ElementNames(
    LOGIN_RENAMES,
    {
        "csrf_token": "authenticity_token",
        "nav-home": "menu-home",
        "nav-file-return": "menu-new-declaration",
        "nav-returns": "menu-declarations",
        PERIOD_FIELD: "declaration-period",
        VAT_NUMBER_FIELD: "vat-id",
        "next-button": "continue-button",
        "Next": "Continue",
        OUTPUT_FIELD: "output-tax",
        INPUT_FIELD: "input-tax",
        "calculate-button": "compute-button",
        "Calculate": "Compute",
        "vat-net-payable": "net-amount-due",
        "submit-button": "send-button",
        "Submit": "Send",
        "receipt-number": "confirmation-number",
        "receipt-download": "download-receipt-pdf",
        "returns-table": "declarations-table",
    },
)


def login_page(ctx: PageContext, *, csrf: str, error: str = "", message: str = "") -> str:
    form = login_form(ctx, action="/login", error=error, message=message, extra_fields=hidden(ctx.name("csrf_token"), csrf))
    return _page(ctx, "Log in to Online Tax Services", form, with_menu=False)


def home_page(ctx: PageContext, *, taxpayer: Taxpayer, open_periods: Sequence[str]) -> str:
    periods = "\n".join(f"<li>{esc(period)}</li>" for period in open_periods) or "<li>None</li>"
    body = f"""<p>Welcome, <b id="company-name">{esc(taxpayer.company_name)}</b>.</p>
<p>VAT number: <span id="taxpayer-vat-number">{esc(taxpayer.vat_number)}</span></p>
<p>Periods without a VAT return:</p>
<ul id="open-periods">{periods}</ul>
<p>{link(ctx.url("/vat/new"), "File a VAT return")}</p>"""
    return _page(ctx, "My tax account", body)


def step1_page(ctx: PageContext, *, csrf: str, values: Mapping[str, str], errors: Mapping[str, str]) -> str:
    name = ctx.name
    body = f"""<p>Step 1 of 2: tax period and VAT number.</p>
{notice("Please correct the errors below." if errors else "", element_id="form-error", kind="error")}
<form id="vat-step1-form" method="post" action="{esc(ctx.url("/vat/new"))}">
{hidden(name("csrf_token"), csrf)}
<table>
{field_row("Tax period (YYYY-MM)", name(PERIOD_FIELD), value=values.get(PERIOD_FIELD, ""), error=errors.get(PERIOD_FIELD, ""), size=10)}
{field_row("VAT number", name(VAT_NUMBER_FIELD), value=values.get(VAT_NUMBER_FIELD, ""), error=errors.get(VAT_NUMBER_FIELD, ""))}
<tr><td></td><td>{submit_button(name("next-button"), name("Next"))}</td><td></td></tr>
</table>
</form>"""
    return _page(ctx, "VAT return", body)


def step2_page(
    ctx: PageContext, *, csrf: str, draft: Mapping[str, str], values: Mapping[str, str], errors: Mapping[str, str]
) -> str:
    name = ctx.name
    body = f"""<p>Step 2 of 2: amounts for period <b id="draft-period">{esc(draft["period"])}</b>,
VAT number <b id="draft-vat-number">{esc(draft["vat_number"])}</b>.</p>
{notice("Please correct the errors below." if errors else "", element_id="form-error", kind="error")}
<form id="vat-step2-form" method="post" action="{esc(ctx.url("/vat/new/amounts"))}">
{hidden(name("csrf_token"), csrf)}
<table>
{field_row("Output VAT (EUR)", name(OUTPUT_FIELD), value=values.get(OUTPUT_FIELD, ""), error=errors.get(OUTPUT_FIELD, ""), size=14)}
{field_row("Input VAT (EUR)", name(INPUT_FIELD), value=values.get(INPUT_FIELD, ""), error=errors.get(INPUT_FIELD, ""), size=14)}
<tr><td></td><td>{submit_button(name("calculate-button"), name("Calculate"))}</td><td></td></tr>
</table>
</form>
<p>{link(ctx.url("/vat/new"), "Back to step 1", element_id="back-link")}</p>"""
    return _page(ctx, "VAT return", body)


def review_page(ctx: PageContext, *, csrf: str, draft: Mapping[str, str], output_vat: Decimal, input_vat: Decimal) -> str:
    name = ctx.name
    net = output_vat - input_vat
    net_label = "Net VAT payable (EUR)" if net >= 0 else "VAT refund due (EUR)"
    rows = [
        ("Tax period", draft["period"]),
        ("VAT number", draft["vat_number"]),
        ("Output VAT (EUR)", format_amount(output_vat)),
        ("Input VAT (EUR)", format_amount(input_vat)),
    ]
    facts = "".join(f"<tr><th align=left>{esc(label)}</th><td>{esc(value)}</td></tr>" for label, value in rows)
    body = f"""<p>Please check your return before you submit it. Submitted returns cannot be changed.</p>
<table id="review-table" class="data">
{facts}
<tr><th align=left>{esc(net_label)}</th><td><b id="{esc(name("vat-net-payable"))}">{esc(format_amount(net))}</b></td></tr>
</table>
<form id="vat-submit-form" method="post" action="{esc(ctx.url("/vat/new/submit"))}">
{hidden(name("csrf_token"), csrf)}
<p>{submit_button(name("submit-button"), name("Submit"))}
{link(ctx.url("/vat/new/amounts"), "Change amounts", element_id="change-amounts-link")}</p>
</form>"""
    return _page(ctx, "Review your VAT return", body)


def confirmation_page(ctx: PageContext, *, vat_return: VatReturn) -> str:
    name = ctx.name
    body = f"""<p class="notice">Your VAT return for period <b>{esc(vat_return.period)}</b> has been received.</p>
<p>Receipt number: <b id="{esc(name("receipt-number"))}">{esc(vat_return.receipt_number)}</b></p>
<p>Net VAT payable: <span id="confirmation-net-payable">{esc(format_amount(vat_return.net_payable))}</span> EUR</p>
<p>Filed at: <span id="filed-at">{esc(vat_return.filed_at.strftime("%Y-%m-%d %H:%M"))}</span></p>
<p>{link(ctx.url(receipt_path(vat_return)), "Download receipt (PDF)", element_id=name("receipt-download"))}</p>"""
    return _page(ctx, "Confirmation", body)


def returns_page(ctx: PageContext, *, returns: Sequence[VatReturn]) -> str:
    rows = [
        (
            vat_return.period,
            format_amount(vat_return.net_payable),
            SafeHtml(link(ctx.url(f"/vat/returns/{vat_return.receipt_number}"), vat_return.receipt_number)),
            vat_return.filed_at.strftime("%Y-%m-%d %H:%M"),
            SafeHtml(link(ctx.url(receipt_path(vat_return)), "PDF")),
        )
        for vat_return in returns
    ]
    table = data_table(
        ctx.name("returns-table"), ["Period", "Net payable (EUR)", "Receipt number", "Filed at", "Receipt"], rows, numeric=[1]
    )
    return _page(ctx, "Filed VAT returns", table if returns else "<p>No returns filed yet.</p>")


def csrf_error_page(ctx: PageContext) -> str:
    body = notice(
        "Your form could not be processed because its security token is missing or invalid. Please start again.",
        element_id="csrf-error",
        kind="error",
    )
    return _page(ctx, "Request rejected", body + f"<p>{link(ctx.url('/'), 'Back to my tax account')}</p>")


def receipt_path(vat_return: VatReturn) -> str:
    return f"/vat/returns/{vat_return.receipt_number}/receipt.pdf"


def _page(ctx: PageContext, title: str, body: str, *, with_menu: bool = True) -> str:
    name = ctx.name
    menu = ""
    if with_menu:
        menu = menu_links(
            [
                (ctx.url("/"), "My tax account", name("nav-home")),
                (ctx.url("/vat/new"), "File VAT return", name("nav-file-return")),
                (ctx.url("/vat/returns"), "Filed returns", name("nav-returns")),
                (ctx.url("/logout"), "Log out", name("logout-link")),
            ]
        )
        if ctx.username:
            menu += f' &nbsp; Logged in as <b id="logged-in-user">{esc(ctx.username)}</b>'
    return render_page(portal_title=TaxPortalState.title, title=title, body=body, menu=menu, accent="#5a2d0c")
