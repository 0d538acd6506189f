"""The gate in front of `/graphql`: authenticates HTTP requests before any GraphQL work is done.

A tenant header alone never selects a tenant: only a verified bearer credential does. A source that
keeps failing to authenticate is turned away for a while, and each tenant has a request quota.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from api.auth import bearer_token, token_verifier
from api.observability.metrics import count_refused_request
from infra.settings import Settings
from tenants.authentication import authenticate_token
from tenants.errors import TenantError, TenantErrorCode
from tenants.rate_limits import RequestLimits

_STATUS_BY_CODE = {
    TenantErrorCode.UNAUTHENTICATED: 401,
    TenantErrorCode.TENANT_SUSPENDED: 403,
    TenantErrorCode.RATE_LIMITED: 429,
}


def request_limits(settings: Settings) -> RequestLimits:
    return RequestLimits(
        storage_uri=f"async+{settings.rate_limit_storage_url}",
        failures_allowed=settings.auth_failures_allowed,
        failure_window_seconds=settings.auth_failure_window_seconds,
        tenant_requests_per_minute=settings.tenant_requests_per_minute,
    )


class AuthGate:
    """Puts the authenticated principal in `scope["state"]["principal"]`, or answers the error itself."""

    def __init__(self, app: ASGIApp, settings: Settings, limits: RequestLimits) -> None:
        self.app = app
        self.verifier = token_verifier(settings)
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            request = Request(scope, receive)
            if not _wants_graphiql(request):
                try:
                    scope.setdefault("state", {})["principal"] = await self._admit(request)
                except TenantError as error:
                    await error_response(error)(scope, receive, send)
                    return
        await self.app(scope, receive, send)

    async def _admit(self, request: Request):
        source = request.client.host if request.client else "unknown"
        await self.limits.refuse_if_blocked(source)
        try:
            principal = await authenticate_token(bearer_token(request), verifier=self.verifier)
        except TenantError as error:
            if error.code is TenantErrorCode.UNAUTHENTICATED:
                await self.limits.record_failure(source)
            raise
        await self.limits.take_tenant_request(principal.tenant_id, per_minute=principal.requests_per_minute)
        return principal


def _wants_graphiql(request: Request) -> bool:
    return (
        request.method == "GET"
        and "text/html" in request.headers.get("accept", "")
        and "query" not in request.query_params
    )


def error_response(error: TenantError) -> JSONResponse:
    """The GraphQL-shaped answer to a refused request, with its status and headers."""
    status = _STATUS_BY_CODE.get(error.code, 400)
    headers = {}
    if status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    if error.retry_after is not None:
        headers["Retry-After"] = str(error.retry_after)
    body = {"errors": [{"message": error.message, "extensions": {"code": str(error.code)}}]}
    count_refused_request(str(error.code))
    return JSONResponse(body, status_code=status, headers=headers)
