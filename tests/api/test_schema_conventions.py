"""The graph keeps its contract (docs: DESIGN.md, "Contracts other code relies on"), checked on the schema itself:

- every connection field takes `first/after/last/before` and its type has `totalCount`;
- every root and `Reports` connection and every list of the customer 360° view takes `filter` and `orderBy`;
- any other connection without them is a part of its parent with a natural order, listed below with why;
- root and report fields do not return plain lists, except those listed below;
- every mutation is `verbNoun(input: VerbNounInput!): VerbNounPayload` with `userErrors`.

A new list that breaks a rule fails here: give it the inputs, or add it to an allowlist with a one-line reason.
"""

from __future__ import annotations

import re

from graphql import GraphQLField, GraphQLList, GraphQLNonNull, GraphQLObjectType, get_named_type

from api.schema import schema

GRAPH = schema._schema
PAGINATION = ("first", "after", "last", "before")
MUST_FILTER_AND_ORDER = ("Query", "Reports", "Customer")

# Connections that take neither filter nor orderBy, each with why.
WITHOUT_FILTER_AND_ORDER = {
    "Asset.assignments": "component: who held the asset, oldest first",
    "BankStatement.lines": "component: the statement's bookings in statement order",
    "Contract.parties": "component: the parties in the order they were added",
    "Contract.obligations": "component: by due date; Query.obligations filters and sorts them across contracts",
    "Deal.stageHistory": "component: history, oldest first",
    "Employee.departmentHistory": "component: history, oldest first",
    "Employee.salaryHistory": "component: history, oldest first",
    "Employee.trainingEnrolments": "component: enrolments, oldest first",
    "GoodsReceipt.lines": "component: the receipt's lines in the order recorded",
    "Invoice.lines": "component: the billed lines in order",
    "Invoice.payments": "component: a handful per invoice, most recent first; Query.payments filters them",
    "Journal.entries": "component: debits and credits in entry order",
    "Pipeline.stages": "component: the stages in pipeline order",
    "PurchaseOrder.lines": "component: the ordered lines in order",
    "PurchaseOrder.receipts": "component: a handful per order, newest first; Query.goodsReceipts filters them",
    "Quote.lines": "component: the quote's lines in order",
    "SalesOrder.lines": "component: the order's lines in order",
    "Shipment.lines": "component: the shipped lines in order",
    "Ticket.statusHistory": "component: history, oldest first",
    "Training.enrolments": "component: enrolments in enrolment order",
}
# Connections that take filter but not orderBy, each with why.
WITHOUT_ORDER: dict[str, str] = {}
# Root and report fields that return a plain list, each with why.
PLAIN_LISTS = {
    "Query.pipelineValueByStage": "a report row per stage of one pipeline, every stage in pipeline order: never paged",
    "Reports.pipelineByStage": "a report row per stage of one pipeline, every stage in pipeline order: never paged",
    "Reports.headcountByDepartment": "a report row per department, every department listed: never paged",
}


def _object_types() -> list[GraphQLObjectType]:
    return [t for name, t in sorted(GRAPH.type_map.items()) if isinstance(t, GraphQLObjectType) and not name.startswith("__")]


def _is_connection(field: GraphQLField) -> bool:
    named = get_named_type(field.type)
    return isinstance(named, GraphQLObjectType) and {"edges", "pageInfo"} <= set(named.fields)


def _connections() -> dict[str, GraphQLField]:
    return {f"{t.name}.{name}": field for t in _object_types() for name, field in t.fields.items() if _is_connection(field)}


def _missing(field: GraphQLField) -> set[str]:
    return {argument for argument in ("filter", "orderBy") if argument not in field.args}


def test_every_connection_pages_with_cursors_and_counts_its_total():
    broken = {
        path: [argument for argument in PAGINATION if argument not in field.args]
        + ([] if "totalCount" in get_named_type(field.type).fields else ["totalCount"])
        for path, field in _connections().items()
    }

    assert {path: problems for path, problems in broken.items() if problems} == {}


def test_every_root_report_and_customer_360_connection_takes_a_filter_and_an_order():
    missing = {
        path: sorted(_missing(field))
        for path, field in _connections().items()
        if path.split(".")[0] in MUST_FILTER_AND_ORDER and _missing(field) and not (path in WITHOUT_ORDER and _missing(field) == {"orderBy"})
    }

    assert missing == {}


def test_every_other_connection_without_a_filter_or_an_order_is_allowlisted_with_a_reason():
    connections = _connections()
    unlisted = {
        path: sorted(_missing(field))
        for path, field in connections.items()
        if _missing(field) and path not in WITHOUT_FILTER_AND_ORDER and not (path in WITHOUT_ORDER and _missing(field) == {"orderBy"})
    }
    stale = sorted(
        path for path in {**WITHOUT_FILTER_AND_ORDER, **WITHOUT_ORDER} if path not in connections or not _missing(connections[path])
    )

    assert unlisted == {}, "give these lists filter and orderBy, or allowlist them with a reason"
    assert stale == [], "these lists gained their inputs (or are gone): drop them from the allowlist"
    assert all(path.split(".")[0] not in MUST_FILTER_AND_ORDER for path in WITHOUT_FILTER_AND_ORDER)
    assert all(reason.strip() for reason in {**WITHOUT_FILTER_AND_ORDER, **WITHOUT_ORDER, **PLAIN_LISTS}.values())


def test_root_and_report_lists_are_connections_unless_allowlisted():
    def is_plain_list(field: GraphQLField) -> bool:
        field_type = field.type.of_type if isinstance(field.type, GraphQLNonNull) else field.type
        return isinstance(field_type, GraphQLList)

    plain = sorted(
        f"{type_name}.{name}" for type_name in ("Query", "Reports") for name, field in GRAPH.type_map[type_name].fields.items() if is_plain_list(field)
    )

    assert plain == sorted(PLAIN_LISTS)


def test_every_mutation_is_verb_noun_taking_input_and_returning_a_payload_with_user_errors():
    broken = {}
    for name, field in GRAPH.mutation_type.fields.items():
        capitalised = name[0].upper() + name[1:]
        payload = get_named_type(field.type)
        problems = []
        if not re.fullmatch(r"[a-z]+(?:[A-Z][a-z0-9]*)+", name):
            problems.append("name is not verbNoun")
        if list(field.args) != ["input"]:
            problems.append(f"arguments are {list(field.args)}, not (input:)")
        elif not isinstance(field.args["input"].type, GraphQLNonNull) or get_named_type(field.args["input"].type).name != f"{capitalised}Input":
            problems.append(f"input is {field.args['input'].type}, not {capitalised}Input!")
        if payload.name != f"{capitalised}Payload":
            problems.append(f"returns {payload.name}, not {capitalised}Payload")
        if "userErrors" not in getattr(payload, "fields", {}):
            problems.append("payload has no userErrors")
        if problems:
            broken[name] = problems

    assert broken == {}
