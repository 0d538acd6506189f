"""The gate of the platform API: only a platform operator's token passes."""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from api.auth import bearer_token
from api.auth_gate import error_response
from tenants.errors import TenantError, unauthenticated
from tenants.rate_limits import RequestLimits
from tenants.tokens import TokenVerifier
from tenants.users import is_operator


class PlatformGate:
    def __init__(self, app: ASGIApp, verifier: TokenVerifier, limits: RequestLimits) -> None:
        self.app = app
        self.verifier = verifier
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        source = request.client.host if request.client else "unknown"
        try:
            await self.limits.refuse_if_blocked(source)
            token = bearer_token(request)
            operator_id = self.verifier.verify_platform(token) if token else None
            if operator_id is None or not await is_operator(user_id=operator_id):
                await self.limits.record_failure(source)
                raise unauthenticated()
        except TenantError as error:
            await error_response(error)(scope, receive, send)
            return
        scope.setdefault("state", {})["operator_id"] = operator_id
        await self.app(scope, receive, send)
