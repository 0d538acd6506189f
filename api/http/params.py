"""The GraphQL-over-HTTP request parameters: from the query string of a GET, or a JSON body of a POST.

A request that does not carry well-formed parameters is refused with 400 (415 for a POST body that is
not JSON), whatever the response media type. Batches (a JSON array) are not served.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request

from api.errors import ErrorCode, RequestError
from api.http.negotiation import JSON


@dataclass(frozen=True)
class GraphQLParams:
    query: str | None
    operation_name: str | None
    variables: dict[str, Any] | None
    extensions: dict[str, Any] | None


async def read_params(request: Request) -> GraphQLParams:
    """The parameters of a GET or POST `/graphql` request; RequestError when they are malformed."""
    if request.method == "GET":
        raw: Mapping[str, Any] = {
            "query": request.query_params.get("query"),
            "operationName": request.query_params.get("operationName"),
            "variables": _json_parameter(request.query_params.get("variables"), "variables"),
            "extensions": _json_parameter(request.query_params.get("extensions"), "extensions"),
        }
    else:
        raw = await _json_body(request)
    return GraphQLParams(
        query=_of_type(raw, "query", str),
        operation_name=_of_type(raw, "operationName", str),
        variables=_of_type(raw, "variables", dict),
        extensions=_of_type(raw, "extensions", dict),
    )


async def _json_body(request: Request) -> Mapping[str, Any]:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != JSON:
        raise RequestError(
            ErrorCode.UNSUPPORTED_MEDIA_TYPE,
            f"a POST body must be {JSON}, not {media_type or 'unspecified'}",
            status=415,
        )
    try:
        body = json.loads(await request.body())
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _bad_request("the request body is not valid JSON") from None
    if isinstance(body, list):
        raise _bad_request("batched operations are not served: send one operation per request")
    if not isinstance(body, dict):
        raise _bad_request("the request body must be a JSON object with a `query`")
    return body


def _json_parameter(value: str | None, name: str) -> Any:
    if not value:
        return None
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        raise _bad_request(f"`{name}` must be a JSON-encoded object") from None


def _of_type(raw: Mapping[str, Any], name: str, kind: type) -> Any:
    value = raw.get(name)
    if value is not None and not isinstance(value, kind):
        expected = "a string" if kind is str else "an object"
        raise _bad_request(f"`{name}` must be {expected} or null")
    return value


def _bad_request(message: str) -> RequestError:
    return RequestError(ErrorCode.BAD_REQUEST, message, status=400)
