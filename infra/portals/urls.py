"""URLs that keep working when a portal is mounted under a prefix such as /tax."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import RedirectResponse


def portal_url(request: Request, path: str) -> str:
    """`path` inside this portal app, prefixed with wherever the app is mounted."""
    return request.scope.get("root_path", "") + path


def redirect_to(request: Request, path: str) -> RedirectResponse:
    """A 303 to `path` inside this portal, so a POSTed form is followed by a GET (post/redirect/get)."""
    return RedirectResponse(portal_url(request, path), status_code=303)
