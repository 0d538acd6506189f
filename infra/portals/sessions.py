"""Logged-in sessions with an idle timeout, and CSRF tokens, kept in Starlette's signed session cookie."""

from __future__ import annotations

import functools
import secrets
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response

from infra.portals.urls import redirect_to

SESSION_USER = "user"
SESSION_LAST_SEEN = "last_seen"
SESSION_CSRF = "csrf"

Endpoint = Callable[[Request], Awaitable[Response]]


def start_session(request: Request, username: str) -> None:
    """Log `username` in, dropping whatever the session held before (including a half-done login)."""
    portal = request.app.state.portal
    request.session.clear()
    request.session[SESSION_USER] = username
    request.session[SESSION_LAST_SEEN] = portal.clock.timestamp()


def end_session(request: Request) -> None:
    request.session.clear()


def requires_login(endpoint: Endpoint) -> Endpoint:
    """Send anonymous visitors to the login page, and idle ones there with `?expired=1`.

    Each request that gets through counts as activity and restarts the idle timer. The user is
    left in `request.state.username`.
    """

    @functools.wraps(endpoint)
    async def guarded(request: Request) -> Response:
        portal = request.app.state.portal
        username = request.session.get(SESSION_USER)
        if username is None or username not in portal.accounts:
            return redirect_to(request, "/login")
        now = portal.clock.timestamp()
        if now - request.session.get(SESSION_LAST_SEEN, 0.0) > portal.session_timeout:
            end_session(request)
            return redirect_to(request, "/login?expired=1")
        request.session[SESSION_LAST_SEEN] = now
        request.state.username = username
        return await endpoint(request)

    return guarded


def csrf_token(request: Request) -> str:
    """This session's CSRF token, created on first use."""
    token = request.session.get(SESSION_CSRF)
    if token is None:
        token = secrets.token_urlsafe(24)
        request.session[SESSION_CSRF] = token
    return token


def csrf_token_is_valid(request: Request, submitted: object) -> bool:
    expected = request.session.get(SESSION_CSRF)
    if not expected or not isinstance(submitted, str) or not submitted:
        return False
    return secrets.compare_digest(expected, submitted)
