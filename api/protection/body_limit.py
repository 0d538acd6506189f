"""A limit on the size of a request body, enforced before the body is parsed.

A declared Content-Length over the limit is refused at once, unread; a body streamed without one (or
longer than it declared) is counted as it arrives and refused as soon as it passes the limit. Either
way the answer is 413 with a GraphQL-shaped error, code REQUEST_TOO_LARGE.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import ErrorCode, RequestError
from api.http.negotiation import response_media_type
from api.http.responses import request_error_response


class RequestBodyTooLarge(Exception):
    """Raised from `receive` once the body passes the limit; the middleware turns it into a 413."""


class RequestBodyLimit:
    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(headers, scope, receive, send)
            return

        received = 0
        response_started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise RequestBodyTooLarge
            return message

        async def watched_send(message: Message) -> None:
            nonlocal response_started
            response_started = response_started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except RequestBodyTooLarge:
            if response_started:
                raise
            await self._refuse(headers, scope, receive, send)

    async def _refuse(self, headers: Headers, scope: Scope, receive: Receive, send: Send) -> None:
        error = RequestError(
            ErrorCode.REQUEST_TOO_LARGE,
            f"the request body is larger than the limit of {self.max_bytes} bytes",
            status=413,
        )
        response = request_error_response(error, media_type=response_media_type(headers.get("accept")))
        await response(scope, receive, send)
