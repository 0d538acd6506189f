"""HTTP status codes for GraphQL responses, as GraphQL over HTTP asks for each response media type.

- `application/json`: 200 for every well-formed request, whatever GraphQL errors it raised.
- `application/graphql-response+json`: 200 once execution started (the body has `data`, even null);
  a response without `data` is a request error: 400, or the status its error code names below.
- Failures of the HTTP request itself (405, 406, 413, 415, a malformed body) carry their own status
  whatever the media type (`RequestError.status`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from api.errors import ErrorCode
from api.http.negotiation import JSON

# Request errors whose status is not the default 400.
_STATUS_BY_CODE: Mapping[str, int] = {
    ErrorCode.UNAUTHENTICATED: 401,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.TENANT_SUSPENDED: 403,
    ErrorCode.PERSISTED_QUERY_NOT_FOUND: 404,  # not 400: Apollo's client turns APQ off for good on a 400
    ErrorCode.INTERNAL_SERVER_ERROR: 500,
    ErrorCode.TIMEOUT: 504,
}


def status_for(body: Mapping[str, Any], media_type: str) -> int:
    """The status of a GraphQL response `body` served as `media_type`."""
    if media_type == JSON or "data" in body:
        return 200
    return request_error_status(_codes(body.get("errors") or ()))


def request_error_status(codes: Iterable[str]) -> int:
    """The 4xx or 5xx of a response without data; a client error outranks a server error."""
    statuses = [_STATUS_BY_CODE.get(code, 400) for code in codes] or [400]
    client_errors = [status for status in statuses if status < 500]
    return client_errors[0] if client_errors else statuses[0]


def _codes(errors: Iterable[Mapping[str, Any]]) -> list[str]:
    return [str((error.get("extensions") or {}).get("code", "")) for error in errors]
