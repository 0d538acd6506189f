"""The gate in front of `/graphql`: authenticates HTTP requests before any GraphQL work is done.

A tenant header alone never selects a tenant: only a verified bearer credential does.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from api.auth import authenticate, bearer_token
from tenants.errors import TenantError, TenantErrorCode

_STATUS_BY_CODE = {TenantErrorCode.UNAUTHENTICATED: 401, TenantErrorCode.TENANT_SUSPENDED: 403}


class AuthGate:
    """Puts the authenticated principal in `scope["state"]["principal"]`, or answers the error itself."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            request = Request(scope, receive)
            if not _wants_graphiql(request):
                try:
                    scope.setdefault("state", {})["principal"] = await authenticate(bearer_token(request))
                except TenantError as error:
                    await _error_response(error)(scope, receive, send)
                    return
        await self.app(scope, receive, send)


def _wants_graphiql(request: Request) -> bool:
    return (
        request.method == "GET"
        and "text/html" in request.headers.get("accept", "")
        and "query" not in request.query_params
    )


def _error_response(error: TenantError) -> JSONResponse:
    status = _STATUS_BY_CODE.get(error.code, 400)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    body = {"errors": [{"message": error.message, "extensions": {"code": str(error.code)}}]}
    return JSONResponse(body, status_code=status, headers=headers)
