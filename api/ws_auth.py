"""Authenticating a websocket connection from its `connection_init` payload, and for as long as it is open.

A websocket outlives the moment its credential was checked: an API key can be revoked, a JWT can
expire and a tenant can be suspended while it streams. So `ConnectionAccess` checks the credential
again every `subscription_recheck_seconds` (at most 30 s), when an operation starts and before every
event a subscription delivers, and closes the connection with 4403 (Forbidden) once it no longer counts.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import suppress
from typing import Any, NoReturn

from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import BaseGraphQLTransportWSHandler
from strawberry.subscriptions.protocols.graphql_transport_ws.types import SubscribeMessage
from strawberry.subscriptions.protocols.graphql_ws.handlers import BaseGraphQLWSHandler
from strawberry.subscriptions.protocols.graphql_ws.types import StartMessage

from api.context import RequestContext
from tenants.audit import Outcome, record_audit
from tenants.authentication import authenticate_token
from tenants.context import tenant_transaction
from tenants.errors import TenantError
from tenants.tokens import TokenVerifier

log = logging.getLogger(__name__)

FORBIDDEN = 4403  # graphql-transport-ws's close code for a connection refused its authorization


def token_from(params: dict[str, Any] | None) -> str | None:
    """The bearer token in `{"Authorization": "Bearer …"}` (any case) or `{"token": "…"}`."""
    params = params or {}
    for key, value in params.items():
        if key.lower() == "authorization" and isinstance(value, str):
            scheme, _, token = value.partition(" ")
            return token.strip() if scheme.lower() == "bearer" else None
    token = params.get("token")
    return token if isinstance(token, str) else None


async def authenticate_connection(context: RequestContext, verifier: TokenVerifier) -> None:
    """Set the connection's principal, or refuse the connection (closed with 4403)."""
    try:
        context.principal = await authenticate_token(token_from(context.connection_params), verifier=verifier)
    except TenantError as error:
        raise ConnectionRejectionError({"code": str(error.code), "message": error.message}) from None


class ConnectionAccess:
    """Whether an open websocket's credential still counts; the connection is closed 4403 once it does not."""

    def __init__(self, context: RequestContext, *, verifier: TokenVerifier, recheck_seconds: float) -> None:
        self.context = context
        self.token = token_from(context.connection_params)
        self.verifier = verifier
        self.recheck_seconds = recheck_seconds
        self._gone = False
        self._watch: asyncio.Task | None = None

    def start(self) -> None:
        """Re-check every `recheck_seconds` until `stop()` (the connection's end)."""
        self._watch = asyncio.create_task(self._watch_periodically(), name="websocket access re-check")

    def stop(self) -> None:
        if self._watch is not None:
            self._watch.cancel()

    async def still_allowed(self) -> bool:
        """Authenticate the credential again now; False once it no longer counts (the socket is closing)."""
        # Shielded: the connection's end cancels its operations and this watch, and a database
        # transaction cut off half-way (the tenant lookups) can leave Tortoise's SQLite lock taken.
        return await asyncio.shield(self._check())

    async def _check(self) -> bool:
        if self._gone:
            return False
        try:
            # A fresh principal: a changed role or scopes count from the next operation on.
            self.context.principal = await authenticate_token(self.token, verifier=self.verifier)
        except TenantError as error:
            await self._close(error)
            return False
        return not self._gone

    async def ensure_allowed(self) -> None:
        """Return if the credential still counts; otherwise close the connection and never return.

        A subscription calls this before each event: waiting here is what keeps the event undelivered,
        and the operation is cancelled as the connection ends.
        """
        if not await self.still_allowed():
            await _until_cancelled()

    async def _watch_periodically(self) -> None:
        while not self._gone:
            await asyncio.sleep(self.recheck_seconds)
            try:
                await self.still_allowed()
            except Exception:  # the database did not answer: delivery still checks before each event
                log.exception("could not re-check a websocket's access, trying again in %s s", self.recheck_seconds)

    async def _close(self, error: TenantError) -> None:
        if self._gone:
            return
        self._gone = True
        principal = self.context.principal
        log.warning(
            "websocket closed %s: %s for %s",
            FORBIDDEN,
            str(error.code),
            principal.subject if principal else "an unknown principal",
            extra={"close_code": FORBIDDEN, "error_code": str(error.code)},
        )
        if principal is not None:
            try:
                async with tenant_transaction(principal.tenant_id):
                    await record_audit(
                        actor=principal.subject,
                        action="subscriptionClosed",
                        outcome=Outcome.REJECTED,
                        details={"code": str(error.code), "close_code": FORBIDDEN},
                    )
            except Exception:  # the refusal stands whether or not the audit entry could be written
                log.exception("could not audit a websocket closed for lost access")
        with suppress(RuntimeError, OSError):  # the client went away first: nothing to close
            await self.context.request.close(code=FORBIDDEN, reason="Forbidden")


async def _until_cancelled() -> NoReturn:
    await asyncio.Event().wait()
    raise AssertionError("unreachable")  # pragma: no cover


class AccessCheckedTransportWSHandler(BaseGraphQLTransportWSHandler):
    """graphql-transport-ws, with the credential checked again before each operation starts."""

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        access = getattr(self.context, "access", None)
        if access is not None and not await access.still_allowed():
            return
        await super().handle_subscribe(message)


class AccessCheckedWSHandler(BaseGraphQLWSHandler):
    """The legacy graphql-ws protocol, with the credential checked again before each operation starts."""

    async def handle_start(self, message: StartMessage) -> None:
        access = getattr(self.context, "access", None)
        if access is not None and not await access.still_allowed():
            return
        await super().handle_start(message)
