"""Building plausible arguments for any field from the schema, with foreign ids wherever an ID goes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
)

SCALAR_SAMPLES = {
    "String": "attack",
    "Int": 1,
    "Float": 1.0,
    "Boolean": False,
    "Decimal": "1.00",
    "Date": "2026-01-01",
    "DateTime": datetime(2026, 1, 1, tzinfo=UTC).isoformat(),
    "JSON": {},
    "UUID": "00000000-0000-0000-0000-000000000000",
}


def sample(graphql_type: Any, *, field_name: str, foreign_ids: dict[str, str]) -> Any:
    """A value of `graphql_type`; ID slots get the foreign id whose type best matches `field_name`."""
    if isinstance(graphql_type, GraphQLNonNull):
        return sample(graphql_type.of_type, field_name=field_name, foreign_ids=foreign_ids)
    if isinstance(graphql_type, GraphQLList):
        return [sample(graphql_type.of_type, field_name=field_name, foreign_ids=foreign_ids)]
    if isinstance(graphql_type, GraphQLEnumType):
        return next(iter(graphql_type.values))
    if isinstance(graphql_type, GraphQLInputObjectType):
        # Optional fields are filled too: every ID slot is a chance to point at the victim's data.
        return {name: sample(field.type, field_name=name, foreign_ids=foreign_ids) for name, field in graphql_type.fields.items()}
    if isinstance(graphql_type, GraphQLScalarType):
        if graphql_type.name == "ID":
            return matching_id(field_name, foreign_ids)
        return SCALAR_SAMPLES.get(graphql_type.name, "attack")
    raise TypeError(f"cannot make a sample of {graphql_type}")


def matching_id(field_name: str, foreign_ids: dict[str, str]) -> str:
    """`customerId` → the Customer's id; a bare `id` → the first one."""
    wanted = field_name.removesuffix("Ids").removesuffix("Id").lower()
    for type_name, global_id in foreign_ids.items():
        if type_name.lower() == wanted:
            return global_id
    return next(iter(foreign_ids.values()))


def arguments_for(field: Any, foreign_ids: dict[str, str]) -> dict[str, Any]:
    return {name: sample(argument.type, field_name=name, foreign_ids=foreign_ids) for name, argument in field.args.items()}


def selection_for(graphql_type: Any, depth: int = 0) -> str:
    """A selection of every scalar field, and of nested objects down to a small depth."""
    from graphql import GraphQLInterfaceType, GraphQLObjectType, get_named_type

    named = get_named_type(graphql_type)
    if not isinstance(named, GraphQLObjectType | GraphQLInterfaceType):
        return ""
    parts = []
    for name, field in named.fields.items():
        if any(isinstance(arg.type, GraphQLNonNull) for arg in field.args.values()):
            continue
        inner = get_named_type(field.type)
        if isinstance(inner, GraphQLObjectType | GraphQLInterfaceType):
            if depth < 3:
                nested = selection_for(inner, depth + 1)
                if nested:
                    parts.append(f"{name} {nested}")
        else:
            parts.append(name)
    return "{ " + " ".join(parts) + " }" if parts else ""
