"""Which media type a `/graphql` response is encoded in, read from the request's `Accept` header.

GraphQL over HTTP, "Body": the server answers in the highest-priority media type it supports among
those the client accepts, or 406 when there is none.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
JSON = "application/json"
SUPPORTED = (GRAPHQL_RESPONSE_JSON, JSON)

_EXACT, _SUBTYPE_WILDCARD, _ANY = 2, 1, 0


@dataclass(frozen=True)
class _MediaRange:
    type: str
    subtype: str
    q: float

    def specificity_for(self, media_type: str) -> int | None:
        """How specifically this range names `media_type`, or None when it does not match it."""
        wanted_type, wanted_subtype = media_type.split("/")
        if self.type == "*" and self.subtype == "*":
            return _ANY
        if self.type != wanted_type:
            return None
        if self.subtype == "*":
            return _SUBTYPE_WILDCARD
        return _EXACT if self.subtype == wanted_subtype else None


def response_media_type(accept: str | None) -> str | None:
    """The media type to answer in, or None when `accept` accepts neither supported type.

    A type the header names explicitly wins by its q-value, application/graphql-response+json on a tie.
    A type accepted only through a wildcard is answered as application/json: curl, browsers' fetch and
    older GraphQL clients send `*/*` and expect a 200 for GraphQL errors. Without an Accept header the
    specification (since 2025-01-01) asks for application/graphql-response+json.
    """
    if accept is None or not accept.strip():
        return GRAPHQL_RESPONSE_JSON
    ranges = _parse(accept)
    best: tuple[tuple[float, int, bool], str] | None = None
    for media_type in SUPPORTED:
        matches = [(r.specificity_for(media_type), r.q) for r in ranges]
        matches = [(specificity, q) for specificity, q in matches if specificity is not None]
        if not matches:
            continue
        specificity, q = max(matches)  # the most specific range that names the type decides its q
        if q <= 0:
            continue
        preferred = media_type == GRAPHQL_RESPONSE_JSON if specificity == _EXACT else media_type == JSON
        rank = (q, specificity, preferred)
        if best is None or rank > best[0]:
            best = (rank, media_type)
    return best[1] if best else None


def wants_graphiql(request: Request) -> bool:
    """A browser asking for the GraphiQL page. Must agree with `api.auth_gate`, which lets these through
    unauthenticated: such a request is never executed."""
    return (
        request.method == "GET"
        and "text/html" in request.headers.get("accept", "")
        and "query" not in request.query_params
    )


def _parse(accept: str) -> list[_MediaRange]:
    ranges = []
    for item in accept.split(","):
        media, *parameters = (part.strip() for part in item.split(";"))
        type_, _, subtype = media.lower().partition("/")
        if not type_ or not subtype:
            continue
        q = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0  # a malformed weight accepts nothing rather than everything
        ranges.append(_MediaRange(type=type_, subtype=subtype, q=q))
    return ranges
