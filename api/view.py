"""The `/graphql` endpoint: Strawberry's ASGI view with Concord's request context."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from api.context import RequestContext


class GraphQLEndpoint(GraphQL):
    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> RequestContext:
        principal = request.scope.get("state", {}).get("principal")
        return RequestContext(request=request, response=response, principal=principal)
