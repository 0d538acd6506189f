"""The Starlette application: GraphQL, health, and the tracing middleware around them."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager

from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import BaseRoute, Route, WebSocketRoute
from strawberry.asgi import GraphQL

from api.auth import token_verifier
from api.auth_gate import AuthGate, request_limits
from api.bots.artifact_links import artifact_download
from api.platform import PlatformGate, platform_schema
from api.health import healthz, readyz
from api.observability.metrics import metrics_endpoint
from api.protection import RequestBodyLimit, masks_errors, persisted_query_store
from api.schema import build_schema
from api.token_endpoint import token_endpoint
from api.view import GraphQLEndpoint
from infra.db import close_database, open_database
from infra.settings import Settings
from infra.telemetry import tracer_provider
from tenants.credential_changes import CredentialChangeListener
from tenants.rate_limits import RequestLimits


def graphql_endpoint(settings: Settings, limits: RequestLimits) -> RequestBodyLimit:
    """`/graphql`: the body-size limit, then authentication, then GraphQL over HTTP."""
    view = GraphQLEndpoint(
        build_schema(settings),
        graphql_ide="graphiql" if settings.graphiql else None,
        mask_errors=masks_errors(settings),
        timeout_seconds=settings.graphql_timeout_seconds,
        persisted_queries=persisted_query_store(settings),
        token_verifier=token_verifier(settings),
    )
    return RequestBodyLimit(AuthGate(view, settings, limits), max_bytes=settings.graphql_max_body_bytes)


def platform_endpoint(settings: Settings, limits: RequestLimits) -> PlatformGate:
    return PlatformGate(GraphQL(platform_schema, graphql_ide=None), token_verifier(settings), limits)


def create_app(
    settings: Settings,
    *,
    manage_database: bool = True,
    lifespan_extension: Callable[[], AbstractAsyncContextManager[None]] | None = None,
    extra_routes: Sequence[BaseRoute] = (),
) -> Starlette:
    """The API app.

    With `manage_database`, it opens the database at start-up and closes it at shutdown;
    `lifespan_extension` runs inside that (the demo starts its in-process worker there).
    """

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with AsyncExitStack() as stack:
            if manage_database:
                await open_database(settings)
                stack.push_async_callback(close_database)
                if settings.database_url.startswith("postgres"):
                    # Revocations committed by other processes reach this one's credential cache.
                    listener = CredentialChangeListener(settings.database_url)
                    listener.start()
                    stack.push_async_callback(listener.stop)
            if lifespan_extension is not None:
                await stack.enter_async_context(lifespan_extension())
            yield

    limits = request_limits(settings)  # one per app: the auth gate and the token endpoint share the counts
    endpoint = graphql_endpoint(settings, limits)
    routes = [
        Route("/graphql", endpoint),  # every method: the view answers 405 itself, GraphQL-shaped
        Route("/healthz", healthz),
        Route("/readyz", readyz),
        Route("/metrics", metrics_endpoint),
        Route("/auth/token", token_endpoint(settings, limits), methods=["POST"]),
        Route("/platform/graphql", platform_endpoint(settings, limits), methods=["GET", "POST"]),
        Route("/artifacts/{token}", artifact_download, methods=["GET", "HEAD"]),  # signed bot-run artifact links
        WebSocketRoute("/graphql", endpoint),
        *extra_routes,
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[
            Middleware(
                OpenTelemetryMiddleware,
                tracer_provider=tracer_provider(),
                exclude_spans=["receive", "send"],
            )
        ],
    )
    app.state.settings = settings
    return app
