"""The `/graphql` endpoint: GraphQL over HTTP on Strawberry's ASGI view, with Concord's request context.

HTTP requests are served here end to end — the response media type from `Accept`, the status codes
GraphQL over HTTP gives each outcome, persisted queries, the per-operation deadline, and an
`extensions.code` on every error. WebSocket subscriptions go through Strawberry's view, with the
connection's credential checked at `connection_init` and again while it stays open (`api.ws_auth`).

| request | answer |
| --- | --- |
| GET from a browser (Accept text/html, no `query`) | GraphiQL, when enabled |
| a method other than GET or POST | 405, `Allow: GET, POST` |
| Accept allows neither JSON media type | 406 |
| malformed parameters or body; batches | 400 (415 for a POST body that is not JSON) |
| a mutation over GET | 405, `Allow: POST` |
| executed (data present, even null) | 200 |
| refused before execution (parse, validation, cost, persisted query, timeout) | 200 as application/json; 4xx/5xx as application/graphql-response+json (see `api.http.status`) |
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import MissingQueryError
from strawberry.http.ides import GraphQL_IDE
from strawberry.schema.base import BaseSchema
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.execution import PreExecutionError
from strawberry.types.graphql import OperationType

from api.context import RequestContext
from api.ws_auth import AccessCheckedTransportWSHandler, AccessCheckedWSHandler, ConnectionAccess, authenticate_connection
from tenants.tokens import TokenVerifier
from api.errors import ErrorCode, RequestError
from api.http import (
    GRAPHQL_RESPONSE_JSON,
    JSON,
    GraphQLParams,
    graphql_response,
    read_params,
    request_error_response,
    response_media_type,
    status_for,
    wants_graphiql,
)
from api.protection import PersistedQueryStore, RequestBodyTooLarge, resolve_persisted_query, shaped, within_deadline
from api.protection.masking import INTERNAL_MESSAGE

log = logging.getLogger(__name__)
_ACCESS = "concord.connection_access"  # the websocket's ConnectionAccess, in its scope's state

_ALLOWED_OPERATIONS = {
    "GET": frozenset({OperationType.QUERY}),
    "POST": frozenset({OperationType.QUERY, OperationType.MUTATION}),
}


class GraphQLEndpoint(GraphQL):
    graphql_transport_ws_handler_class = AccessCheckedTransportWSHandler
    graphql_ws_handler_class = AccessCheckedWSHandler

    def __init__(
        self,
        schema: BaseSchema,
        *,
        graphql_ide: GraphQL_IDE | None = "graphiql",
        mask_errors: bool = False,
        timeout_seconds: float | None = None,
        persisted_queries: PersistedQueryStore | None = None,
        token_verifier: TokenVerifier | None = None,
    ) -> None:
        super().__init__(schema, graphql_ide=graphql_ide)
        self.mask_errors = mask_errors
        self.timeout_seconds = timeout_seconds
        self.persisted_queries = persisted_queries
        self.token_verifier = token_verifier

    async def on_ws_connect(self, context: RequestContext) -> None:
        """graphql-transport-ws: the bearer token comes in `connection_init`; a bad one closes with 4403.

        From then on the credential is checked again periodically, and the connection closed with
        4403 when it no longer counts; the check ends with the connection (see `__call__`).
        """
        await authenticate_connection(context, self.token_verifier)
        context.access = ConnectionAccess(
            context, verifier=self.token_verifier, recheck_seconds=context.settings.subscription_recheck_seconds
        )
        context.request.scope.setdefault("state", {})[_ACCESS] = context.access
        context.access.start()

    async def get_context(self, request: Request | WebSocket, response: Response | WebSocket) -> RequestContext:
        principal = request.scope.get("state", {}).get("principal")
        return RequestContext(request=request, response=response, principal=principal)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            try:
                await super().__call__(scope, receive, send)
            finally:
                if access := scope.get("state", {}).get(_ACCESS):
                    access.stop()
            return
        response = await self.respond(Request(scope, receive))
        await response(scope, receive, send)

    async def respond(self, request: Request) -> Response:
        """The answer to one HTTP request to `/graphql`."""
        if wants_graphiql(request):
            return await self._graphiql(request)
        media_type = response_media_type(request.headers.get("accept"))
        try:
            if request.method not in _ALLOWED_OPERATIONS:
                raise RequestError(
                    ErrorCode.METHOD_NOT_ALLOWED,
                    "GraphQL is served over GET and POST",
                    status=405,
                    headers={"Allow": "GET, POST"},
                )
            if media_type is None:
                raise RequestError(
                    ErrorCode.NOT_ACCEPTABLE, f"Accept must allow {GRAPHQL_RESPONSE_JSON} or {JSON}", status=406
                )
            return await self._serve(request, media_type)
        except RequestError as error:
            return request_error_response(error, media_type=media_type)
        except RequestBodyTooLarge:
            raise  # RequestBodyLimit answers it
        except Exception:
            log.exception("GraphQL request failed outside its operation")
            error = RequestError(ErrorCode.INTERNAL_SERVER_ERROR, INTERNAL_MESSAGE, status=500)
            return request_error_response(error, media_type=media_type)

    async def _serve(self, request: Request, media_type: str) -> Response:
        params = await read_params(request)
        resolved = await resolve_persisted_query(params.query, params.extensions, self.persisted_queries)
        if not resolved.query:
            raise RequestError(ErrorCode.BAD_REQUEST, "the request has no `query`", status=400)
        sub_response = await self.get_sub_response(request)
        context = await self.get_context(request, sub_response)
        result = await self._execute(request, params, resolved.query, context)
        body = self._body(result)
        if resolved.register_as and self.persisted_queries is not None and "data" in body:
            await self.persisted_queries.put(resolved.register_as, resolved.query)
        response = graphql_response(
            body, media_type=media_type, status=sub_response.status_code or status_for(body, media_type)
        )
        response.headers.raw.extend(sub_response.headers.raw)
        response.background = sub_response.background
        return response

    async def _execute(self, request: Request, params: GraphQLParams, query: str, context: Any) -> ExecutionResult:
        operation = self.schema.execute(
            query,
            variable_values=params.variables,
            context_value=context,
            root_value=await self.get_root_value(request),
            operation_name=params.operation_name,
            allowed_operation_types=_ALLOWED_OPERATIONS[request.method],
            operation_extensions=params.extensions,
        )
        try:
            return await within_deadline(operation, seconds=self.timeout_seconds, name=params.operation_name)
        except InvalidOperationTypeError as error:
            if error.operation_type is OperationType.MUTATION:
                raise RequestError(
                    ErrorCode.METHOD_NOT_ALLOWED,
                    "mutations are not run over GET: send them with POST",
                    status=405,
                    headers={"Allow": "POST"},
                ) from None
            raise RequestError(
                ErrorCode.BAD_REQUEST, "subscriptions are served over WebSocket (graphql-transport-ws)", status=400
            ) from None
        except CannotGetOperationTypeError as error:
            raise RequestError(ErrorCode.OPERATION_RESOLUTION_FAILURE, error.as_http_error_reason()) from None
        except MissingQueryError:
            raise RequestError(ErrorCode.BAD_REQUEST, "the request has no `query`", status=400) from None

    def _body(self, result: ExecutionResult) -> dict[str, Any]:
        errors = result.errors or []
        # Execution started unless the result came from before it (parse, validation, a failing hook) or
        # from coercing the variables (a null `data` with no error on any field). A rolled-back @atomic
        # document ran too: its `data` is null on purpose.
        started = not isinstance(result, PreExecutionError) and (
            result.data is not None
            or any(error.path or (error.extensions or {}).get("code") == ErrorCode.ATOMIC_ROLLBACK for error in errors)
        )
        body: dict[str, Any] = {"data": result.data} if started else {}
        if errors:
            body["errors"] = [shaped(error, mask=self.mask_errors).formatted for error in errors]
        if result.extensions:
            body["extensions"] = result.extensions
        return body

    async def _graphiql(self, request: Request) -> Response:
        if self.graphql_ide:
            return await self.render_graphql_ide(request)
        error = RequestError(ErrorCode.NOT_FOUND, "GraphiQL is turned off on this deployment", status=404)
        return request_error_response(error, media_type=JSON)
