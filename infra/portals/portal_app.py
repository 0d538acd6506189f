"""Assembles a portal's Starlette app the same way for all three portals."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from functools import partial

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute

from infra.portals.portal_state import PortalState
from infra.portals.sandbox_admin import SANDBOX_PREFIX, sandbox_admin_routes
from infra.portals.switches import SwitchesMiddleware
from infra.portals.system_pages import maintenance_page, not_found_page, request_error_page, server_error_page


def build_portal_app(
    portal: PortalState,
    routes: Sequence[BaseRoute],
    *,
    sandbox_routes: Sequence[BaseRoute] = (),
) -> Starlette:
    """A Starlette app serving `routes` plus the `/_sandbox` admin routes, with `.state.portal` set.

    The switches sit outside the session so that maintenance and failures happen before any
    page logic runs; each portal signs its own session cookie so the three can share a host.
    """
    app = Starlette(
        routes=[*sandbox_admin_routes(sandbox_routes), *routes],
        middleware=[
            Middleware(
                SwitchesMiddleware,
                switches=portal.switches,
                exempt_prefix=SANDBOX_PREFIX,
                maintenance_page=partial(maintenance_page, portal.title),
                error_page=partial(server_error_page, portal.title),
            ),
            Middleware(
                SessionMiddleware,
                secret_key=secrets.token_urlsafe(32),
                session_cookie=f"{portal.portal_name}_session",
                max_age=None,  # a browser-session cookie; the idle timeout is enforced server-side
            ),
        ],
        exception_handlers={HTTPException: partial(_http_error, portal.title)},
    )
    app.state.portal = portal
    return app


async def _http_error(portal_title: str, request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        return HTMLResponse(not_found_page(portal_title, exc.detail if exc.detail != "Not Found" else ""), 404)
    if exc.status_code < 500:
        return HTMLResponse(request_error_page(portal_title, exc.detail), exc.status_code, headers=exc.headers)
    return HTMLResponse(server_error_page(portal_title), exc.status_code, headers=exc.headers)
