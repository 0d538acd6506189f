"""What every resolver can reach: the request, the authenticated principal, per-request loaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from infra.settings import Settings
from tenants.principals import Principal


@dataclass
class RequestContext:
    request: Request | WebSocket
    response: Any
    principal: Principal | None
    loaders: dict[str, Any] = field(default_factory=dict)  # built per request: a cache never spans tenants
    connection_params: dict[str, Any] | None = None  # graphql-transport-ws connection_init payload
    access: Any = None  # a websocket's api.ws_auth.ConnectionAccess: re-checks its credential while it is open
    atomic_rollback: Any = None  # an @atomic document's answer before its rollback (api.atomic_documents)

    @property
    def settings(self) -> Settings:
        return self.request.app.state.settings

    def require_principal(self) -> Principal:
        if self.principal is None:
            from api.errors import CodedError, ErrorCode

            raise CodedError(ErrorCode.UNAUTHENTICATED, "authentication required")
        return self.principal


Info = StrawberryInfo[RequestContext, None]
