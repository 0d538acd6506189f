"""The `/graphql` endpoint: authenticates, then hands the operation to Strawberry."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from api.auth import authenticate, bearer_token
from api.context import RequestContext
from tenants.errors import TenantError, TenantErrorCode

_STATUS_BY_CODE = {TenantErrorCode.UNAUTHENTICATED: 401, TenantErrorCode.TENANT_SUSPENDED: 403}


class GraphQLEndpoint(GraphQL):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            request = Request(scope, receive)
            if not _wants_graphiql(request):
                try:
                    scope.setdefault("state", {})["principal"] = await authenticate(bearer_token(request))
                except TenantError as error:
                    await _error_response(error)(scope, receive, send)
                    return
        await super().__call__(scope, receive, send)

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> RequestContext:
        return RequestContext(request=request, response=response, principal=request.scope.get("state", {}).get("principal"))


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
