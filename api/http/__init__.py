"""GraphQL over HTTP: request parameters, response media type negotiation, status codes, responses."""

from __future__ import annotations

from api.http.negotiation import GRAPHQL_RESPONSE_JSON, JSON, response_media_type, wants_graphiql
from api.http.params import GraphQLParams, read_params
from api.http.responses import graphql_response, request_error_response
from api.http.status import status_for

__all__ = [
    "GRAPHQL_RESPONSE_JSON",
    "JSON",
    "GraphQLParams",
    "graphql_response",
    "read_params",
    "request_error_response",
    "response_media_type",
    "status_for",
    "wants_graphiql",
]
