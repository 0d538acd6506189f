"""`node(id:)` and `nodes(ids:)`: any object by its global id, within the caller's tenant."""

from __future__ import annotations

import strawberry
from strawberry import relay

from api.errors import CodedError, ErrorCode, not_found


def _type_of(global_id: str, info: strawberry.Info) -> tuple[type[relay.Node], str] | None:
    try:
        decoded = relay.GlobalID.from_id(global_id)
    except (ValueError, TypeError):
        return None
    node_type = info.schema.get_type_by_name(decoded.type_name)
    origin = getattr(node_type, "origin", None)
    if origin is None or not isinstance(origin, type) or not issubclass(origin, relay.Node):
        return None
    return origin, decoded.node_id


@strawberry.type
class NodeQuery:
    @strawberry.field(description="Any object by its global id; NOT_FOUND when it does not exist for this tenant.")
    async def node(self, info: strawberry.Info, id: strawberry.ID) -> relay.Node | None:
        found = _type_of(id, info)
        if found is None:
            raise not_found()
        node_type, node_id = found
        required = getattr(node_type, "read_scope", None)
        principal = getattr(info.context, "principal", None)
        if required is not None and (principal is None or not principal.can(required)):
            # Refused before any lookup, so the answer says nothing about whether the id exists.
            raise CodedError(ErrorCode.FORBIDDEN, f"requires scope {required}")
        [node] = await node_type.resolve_nodes(info=info, node_ids=[node_id], required=False)
        if node is None:
            raise not_found()
        return node
