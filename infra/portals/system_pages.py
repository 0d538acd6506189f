"""The pages a portal shows when something is wrong rather than a feature: maintenance, errors, not found."""

from __future__ import annotations

from infra.portals.html import esc, render_page


def maintenance_page(portal_title: str) -> str:
    body = (
        '<p id="maintenance-message" class="notice">This service is currently unavailable due to scheduled '
        "maintenance. We apologise for any inconvenience. Please try again later.</p>"
    )
    return render_page(portal_title=portal_title, title="Scheduled maintenance", body=body, accent="#666666")


def server_error_page(portal_title: str) -> str:
    body = (
        '<p id="server-error" class="error">An unexpected error has occurred (error code 0x80004005).</p>'
        "<p>Please try again. If the problem persists, contact the helpdesk.</p>"
    )
    return render_page(portal_title=portal_title, title="Internal Server Error", body=body, accent="#990000")


def not_found_page(portal_title: str, detail: str = "") -> str:
    body = f'<p id="not-found" class="error">The page you requested could not be found. {esc(detail)}</p>'
    return render_page(portal_title=portal_title, title="Page not found", body=body, accent="#666666")


def request_error_page(portal_title: str, detail: str) -> str:
    """For a request the portal refuses (a 4xx other than 404), saying why."""
    body = f'<p id="request-error" class="error">Your request could not be processed. {esc(detail)}</p>'
    return render_page(portal_title=portal_title, title="Request not accepted", body=body, accent="#666666")
