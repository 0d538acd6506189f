"""The username/password form every portal's login page shows."""

from __future__ import annotations

from collections.abc import Mapping

from infra.portals.html import esc, field_row, notice, submit_button
from infra.portals.page_context import PageContext

EXPIRED_MESSAGE = "Your session has expired. Please log in again."
LOGGED_OUT_MESSAGE = "You have been logged out."
BAD_CREDENTIALS_MESSAGE = "The username or password you entered is incorrect."


def login_form(ctx: PageContext, *, action: str, error: str = "", message: str = "", extra_fields: str = "") -> str:
    """`extra_fields` is already-escaped markup (e.g. a hidden CSRF token) placed inside the form."""
    name = ctx.name
    return f"""{notice(message, element_id="login-message")}
{notice(error, element_id="login-error", kind="error")}
<form id="login-form" method="post" action="{esc(ctx.url(action))}">
{extra_fields}
<table>
{field_row("Username", name("username"))}
{field_row("Password", name("password"), input_type="password")}
<tr><td></td><td>{submit_button(name("login-button"), name("Log in"))}</td><td></td></tr>
</table>
</form>"""


def login_message(params: Mapping[str, str]) -> str:
    """The note to show above the form when the visitor was sent here by a timeout or a logout."""
    if params.get("expired"):
        return EXPIRED_MESSAGE
    if params.get("logged_out"):
        return LOGGED_OUT_MESSAGE
    return ""
