"""The bank portal's HTML pages, and the element names its forms use in each layout."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from infra.portals.amounts import format_amount
from infra.portals.bank.forms import (
    ACCOUNT_FIELD,
    AMOUNT_FIELD,
    BENEFICIARY_IBAN_FIELD,
    BENEFICIARY_NAME_FIELD,
    CURRENCIES,
    CURRENCY_FIELD,
    DATE_FROM_FIELD,
    DATE_TO_FIELD,
    REFERENCE_FIELD,
)
from infra.portals.bank.iban import format_iban
from infra.portals.bank.models import BankAccount, Payment, PaymentDraft
from infra.portals.bank.state import BankPortalState
from infra.portals.element_names import LOGIN_RENAMES, ElementNames
from infra.portals.html import (
    SafeHtml,
    data_table,
    esc,
    field_row,
    link,
    menu_links,
    notice,
    render_page,
    select_row,
    submit_button,
)
from infra.portals.login_form import login_form
from infra.portals.page_context import PageContext

BANK_NAMES = ElementNames(
    LOGIN_RENAMES,
    {
        "totp": "security-code",
        "verify-button": "confirm-code-button",
        "Verify": "Confirm",
        "nav-accounts": "menu-overview",
        "nav-payments": "menu-transfers",
        "nav-new-payment": "menu-new-transfer",
        "accounts-table": "account-overview",
        DATE_FROM_FIELD: "period-start",
        DATE_TO_FIELD: "period-end",
        "filter-button": "apply-filter-button",
        "Filter": "Apply",
        "statement-table": "transactions-table",
        "statement-download": "export-csv-link",
        "next-page": "page-forward",
        "prev-page": "page-back",
        ACCOUNT_FIELD: "debit-account",
        BENEFICIARY_NAME_FIELD: "payee-name",
        BENEFICIARY_IBAN_FIELD: "payee-account",
        AMOUNT_FIELD: "transfer-amount",
        CURRENCY_FIELD: "transfer-currency",
        REFERENCE_FIELD: "remittance-info",
        "review-button": "next-step-button",
        "Continue": "Next",
        "confirm-button": "approve-button",
        "Confirm": "Approve",
        "otp-code": "tan-code",
        "authorise-button": "sign-button",
        "Authorise": "Sign",
        "payments-table": "transfers-table",
        "payment-id": "transfer-id",
        "payment-status": "transfer-state",
    },
)

STATUS_LABELS = {"pending": "Pending", "executed": "Executed"}


def login_page(ctx: PageContext, *, error: str = "", message: str = "") -> str:
    return _page(ctx, "Log in to NetBanking", login_form(ctx, action="/login", error=error, message=message), with_menu=False)


def totp_page(ctx: PageContext, *, error: str = "") -> str:
    name = ctx.name
    body = f"""<p>Enter the 6-digit code shown by your authenticator app.</p>
{notice(error, element_id="totp-error-message", kind="error")}
<form id="totp-form" method="post" action="{esc(ctx.url("/login/totp"))}">
<input type="text" id="{esc(name("totp"))}" name="{esc(name("totp"))}" size="8" maxlength="6" autocomplete="one-time-code">
{submit_button(name("verify-button"), name("Verify"))}
</form>"""
    return _page(ctx, "Security check", body, with_menu=False)


def accounts_page(ctx: PageContext, *, accounts: Sequence[tuple[BankAccount, Decimal]]) -> str:
    rows = [
        (
            SafeHtml(link(ctx.url(statement_path(account)), account.name, element_id=f"account-{account.iban}")),
            format_iban(account.iban),
            account.currency,
            format_amount(account.balance),
            format_amount(available),
        )
        for account, available in accounts
    ]
    table = data_table(ctx.name("accounts-table"), ["Account", "IBAN", "Currency", "Balance", "Available"], rows, numeric=[3, 4])
    return _page(ctx, "My accounts", table)


def statement_page(
    ctx: PageContext,
    *,
    account: BankAccount,
    rows: Sequence[tuple[str, str, str, str, str]],
    page: int,
    page_count: int,
    line_count: int,
    filter_values: Mapping[str, str],
    errors: Mapping[str, str],
    page_href: Mapping[str, str],
    csv_href: str,
) -> str:
    """`page_href` has the links for "prev" and "next" where such a page exists."""
    name = ctx.name
    filter_form = f"""<form id="statement-filter" method="get" action="{esc(ctx.url(statement_path(account)))}">
<table>
{field_row("From (YYYY-MM-DD)", name(DATE_FROM_FIELD), value=filter_values.get(DATE_FROM_FIELD, ""), error=errors.get(DATE_FROM_FIELD, ""), size=12)}
{field_row("To (YYYY-MM-DD)", name(DATE_TO_FIELD), value=filter_values.get(DATE_TO_FIELD, ""), error=errors.get(DATE_TO_FIELD, ""), size=12)}
<tr><td></td><td>{submit_button(name("filter-button"), name("Filter"))}</td><td></td></tr>
</table>
</form>"""
    paging = [f'<span id="page-info">Page {page} of {page_count} ({line_count} transactions)</span>']
    if "prev" in page_href:
        paging.insert(0, link(page_href["prev"], "< Previous", element_id=name("prev-page")))
    if "next" in page_href:
        paging.append(link(page_href["next"], "Next >", element_id=name("next-page")))
    table = data_table(name("statement-table"), ["Date", "Description", "Reference", "Amount", "Balance"], rows, numeric=[3, 4])
    body = f"""<p><b id="account-name">{esc(account.name)}</b> &nbsp; IBAN <span id="account-iban">{esc(format_iban(account.iban))}</span>
&nbsp; Balance <b id="account-balance">{esc(format_amount(account.balance))}</b> {esc(account.currency)}</p>
{filter_form}
<p>{link(csv_href, "Download as CSV", element_id=name("statement-download"))}</p>
{table}
<p>{" &nbsp; ".join(paging)}</p>"""
    return _page(ctx, "Account statement", body)


def payment_form_page(
    ctx: PageContext, *, accounts: Sequence[tuple[BankAccount, Decimal]], values: Mapping[str, str], errors: Mapping[str, str]
) -> str:
    name = ctx.name
    account_options = [("", "-- choose --")] + [
        (account.iban, f"{account.name} {format_iban(account.iban)} ({format_amount(available)} {account.currency} available)")
        for account, available in accounts
    ]
    currency_options = [("", "--")] + [(currency, currency) for currency in CURRENCIES]
    body = f"""{notice("Please correct the errors below." if errors else "", element_id="form-error", kind="error")}
<form id="payment-form" method="post" action="{esc(ctx.url("/payments/new"))}">
<table>
{select_row("From account", name(ACCOUNT_FIELD), account_options, selected=values.get(ACCOUNT_FIELD, ""), error=errors.get(ACCOUNT_FIELD, ""))}
{field_row("Beneficiary name", name(BENEFICIARY_NAME_FIELD), value=values.get(BENEFICIARY_NAME_FIELD, ""), error=errors.get(BENEFICIARY_NAME_FIELD, ""), size=40)}
{field_row("Beneficiary IBAN", name(BENEFICIARY_IBAN_FIELD), value=values.get(BENEFICIARY_IBAN_FIELD, ""), error=errors.get(BENEFICIARY_IBAN_FIELD, ""), size=34)}
{field_row("Amount", name(AMOUNT_FIELD), value=values.get(AMOUNT_FIELD, ""), error=errors.get(AMOUNT_FIELD, ""), size=14)}
{select_row("Currency", name(CURRENCY_FIELD), currency_options, selected=values.get(CURRENCY_FIELD, ""), error=errors.get(CURRENCY_FIELD, ""))}
{field_row("Reference", name(REFERENCE_FIELD), value=values.get(REFERENCE_FIELD, ""), error=errors.get(REFERENCE_FIELD, ""), size=40)}
<tr><td></td><td>{submit_button(name("review-button"), name("Continue"))}</td><td></td></tr>
</table>
</form>"""
    return _page(ctx, "New payment", body)


def payment_review_page(ctx: PageContext, *, draft: PaymentDraft, account: BankAccount) -> str:
    name = ctx.name
    body = f"""<p>Please check the payment details.</p>
{_payment_facts(account.name, draft.from_iban, draft.beneficiary_name, draft.beneficiary_iban, draft.amount, draft.currency, draft.reference)}
<form id="payment-review-form" method="post" action="{esc(ctx.url(f"/payments/drafts/{draft.draft_id}/review"))}">
<p>{submit_button(name("confirm-button"), name("Confirm"))} {link(ctx.url("/payments/new"), "Cancel", element_id="cancel-link")}</p>
</form>"""
    return _page(ctx, "Review payment", body)


def payment_code_page(ctx: PageContext, *, draft: PaymentDraft, error: str = "") -> str:
    name = ctx.name
    body = f"""<p>To authorise the payment of <b>{esc(format_amount(draft.amount))} {esc(draft.currency)}</b> to
<b>{esc(draft.beneficiary_name)}</b>, enter the 6-digit code shown by your authenticator app.</p>
{notice(error, element_id="otp-error-message", kind="error")}
<form id="payment-code-form" method="post" action="{esc(ctx.url(f"/payments/drafts/{draft.draft_id}/authorise"))}">
<input type="text" id="{esc(name("otp-code"))}" name="{esc(name("otp-code"))}" size="8" maxlength="6" autocomplete="one-time-code">
{submit_button(name("authorise-button"), name("Authorise"))}
</form>"""
    return _page(ctx, "Authorise payment", body)


def payment_page(ctx: PageContext, *, payment: Payment, account: BankAccount, just_created: bool) -> str:
    name = ctx.name
    body = f"""{notice("Your payment has been submitted." if just_created else "", element_id="payment-submitted")}
<p>Payment <b id="{esc(name("payment-id"))}">{esc(payment.payment_id)}</b>:
<span id="{esc(name("payment-status"))}">{esc(STATUS_LABELS[payment.status])}</span></p>
{_payment_facts(account.name, payment.from_iban, payment.beneficiary_name, payment.beneficiary_iban, payment.amount, payment.currency, payment.reference)}
<p>{link(ctx.url("/payments"), "All payments")}</p>"""
    return _page(ctx, "Payment", body)


def payments_page(ctx: PageContext, *, payments: Sequence[Payment]) -> str:
    rows = [
        (
            SafeHtml(link(ctx.url(f"/payments/{payment.payment_id}"), payment.payment_id)),
            payment.created_at.strftime("%Y-%m-%d %H:%M"),
            format_iban(payment.from_iban),
            payment.beneficiary_name,
            format_iban(payment.beneficiary_iban),
            format_amount(payment.amount),
            payment.currency,
            payment.reference,
            STATUS_LABELS[payment.status],
        )
        for payment in payments
    ]
    headers = ["Payment", "Created", "From account", "Beneficiary", "IBAN", "Amount", "Currency", "Reference", "Status"]
    body = data_table(ctx.name("payments-table"), headers, rows, numeric=[5])
    return _page(ctx, "Payments", body if payments else body + "<p>No payments yet.</p>")


def statement_path(account: BankAccount) -> str:
    return f"/accounts/{account.iban}/statement"


def _payment_facts(
    account_name: str, from_iban: str, name: str, iban: str, amount: Decimal, currency: str, reference: str
) -> str:
    facts = [
        ("From account", f"{account_name} {format_iban(from_iban)}"),
        ("Beneficiary", name),
        ("Beneficiary IBAN", format_iban(iban)),
        ("Amount", f"{format_amount(amount)} {currency}"),
        ("Reference", reference),
    ]
    rows = "".join(f"<tr><th align=left>{esc(label)}</th><td>{esc(value)}</td></tr>" for label, value in facts)
    return f'<table id="payment-details" class="data">{rows}</table>'


def _page(ctx: PageContext, title: str, body: str, *, with_menu: bool = True) -> str:
    name = ctx.name
    menu = ""
    if with_menu:
        menu = menu_links(
            [
                (ctx.url("/accounts"), "Accounts", name("nav-accounts")),
                (ctx.url("/payments/new"), "New payment", name("nav-new-payment")),
                (ctx.url("/payments"), "Payments", name("nav-payments")),
                (ctx.url("/logout"), "Log out", name("logout-link")),
            ]
        )
        if ctx.username:
            menu += f' &nbsp; Logged in as <b id="logged-in-user">{esc(ctx.username)}</b>'
    return render_page(portal_title=BankPortalState.title, title=title, body=body, menu=menu, accent="#00563f")
