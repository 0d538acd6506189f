"""Opaque global ids: decoding them without ever telling a foreign id from a missing one."""

from __future__ import annotations

import uuid

from strawberry import relay

from api.errors import not_found
from domain.errors import CommonErrorCode, DomainError


def decode_global_id(value: str, *, expected_type: str) -> uuid.UUID:
    """The row id behind a global id of `expected_type`; a malformed or mistyped id is NOT_FOUND."""
    try:
        global_id = relay.GlobalID.from_id(value)
        if global_id.type_name != expected_type:
            raise ValueError
        return uuid.UUID(global_id.node_id)
    except (ValueError, TypeError):
        raise not_found(expected_type) from None


def parse_node_ids(node_ids: list[str]) -> list[uuid.UUID | None]:
    """Row ids for `resolve_nodes`; ids that are not UUIDs become None (they match nothing)."""
    parsed: list[uuid.UUID | None] = []
    for node_id in node_ids:
        try:
            parsed.append(uuid.UUID(str(node_id)))
        except ValueError:
            parsed.append(None)
    return parsed


def decode_input_id(value: str, *, expected_type: str, field: str) -> uuid.UUID:
    """The row id behind a global id given in a mutation's input; a bad one is a NOT_FOUND userError."""
    try:
        global_id = relay.GlobalID.from_id(value)
        if global_id.type_name != expected_type:
            raise ValueError
        return uuid.UUID(global_id.node_id)
    except (ValueError, TypeError):
        raise DomainError(CommonErrorCode.NOT_FOUND, f"{expected_type} not found", field=field) from None
