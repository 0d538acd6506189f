"""GraphQL-shaped HTTP responses: the body encoded in the negotiated media type, with its status."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from starlette.responses import Response

from api.errors import RequestError
from api.http.negotiation import JSON
from api.http.status import status_for
from api.observability.metrics import count_refused_request


def graphql_response(
    body: Mapping[str, Any], *, media_type: str, status: int | None = None, headers: Mapping[str, str] | None = None
) -> Response:
    """`body` as `media_type` (UTF-8), with `status` or the one GraphQL over HTTP gives it."""
    response = Response(
        json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode(),
        status_code=status if status is not None else status_for(body, media_type),
        media_type=f"{media_type}; charset=utf-8",
        headers=dict(headers or {}),
    )
    response.headers["Vary"] = "Accept"  # the same URL answers differently per Accept (GET caches)
    return response


def request_error_response(error: RequestError, *, media_type: str | None) -> Response:
    """The answer to a request refused before execution: `errors` and no `data`."""
    count_refused_request(str(error.code))
    return graphql_response(
        {"errors": [error.formatted]}, media_type=media_type or JSON, status=error.status, headers=error.headers
    )
