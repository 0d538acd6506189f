"""A field whose value comes from another business area needs that area's read scope, checked on the schema itself.

Each object type has a home: the scopes a caller already holds when reading one of its objects. A Node type's home
is its `read_scope`; any other object type (a report row, a payload, a value object) is at home under what every
field reaching it guarantees — the scopes of the type the field is on plus the field's own permission, or a
mutation's. Connections and edges are see-through: a field returning `Connection[Deal]` returns deals.

A field is cross-area when what it returns is read under a scope its type's home does not hold:
- an object, or a list or connection of them, whose type's `read_scope` is another one (derived from the schema);
- a scalar or value object computed from another area's rows: the schema cannot tell those, so every field with a
  resolver that returns no area's object is classified below, as cross-area (with its scope) or as its own area's.

Every cross-area field is listed in CROSS_AREA_FIELDS with the scope it needs, declares exactly that scope
(`cross_area_field(Scope.X, ...)` in api/permissions.py), and is nullable, so that a caller without the scope gets
FORBIDDEN and null on that field alone. A new field reaching into another area fails here, naming the field and
the scope it needs. Root fields (`Query`, `Reports`) have no home and declare their area's scope themselves.
"""

from __future__ import annotations

from collections import defaultdict

from graphql import GraphQLField, GraphQLNonNull, GraphQLObjectType, get_named_type

from api.schema import schema
from tenants.permissions import Scope

GRAPH = schema._schema
ROOTS = ("Query", "Mutation", "Subscription")

# Every field that reads another area, with the scope it needs.
CROSS_AREA_FIELDS: dict[str, Scope] = {
    # The customer 360° view: the customer's story in the other areas, and the KPIs computed from it.
    "Customer.deals": Scope.SALES_READ,
    "Customer.orders": Scope.SALES_READ,
    "Customer.openPipelineValue": Scope.SALES_READ,
    "Customer.invoices": Scope.FINANCE_READ,
    "Customer.payments": Scope.FINANCE_READ,
    "Customer.outstandingBalance": Scope.FINANCE_READ,
    "Customer.lifetimeRevenue": Scope.FINANCE_READ,
    "Customer.overdueInvoiceCount": Scope.FINANCE_READ,
    "Customer.tickets": Scope.SERVICE_READ,
    "Customer.openTicketCount": Scope.SERVICE_READ,
    "Customer.contracts": Scope.LEGAL_READ,
    "Customer.campaigns": Scope.MARKETING_READ,
    # Front office objects pointing at customers, products and employees.
    "Deal.customer": Scope.CRM_READ,
    "Lead.customer": Scope.CRM_READ,
    "Quote.customer": Scope.CRM_READ,
    "SalesOrder.customer": Scope.CRM_READ,
    "QuoteLine.product": Scope.OPERATIONS_READ,
    "SalesOrderLine.product": Scope.OPERATIONS_READ,
    "Segment.customers": Scope.CRM_READ,
    "CampaignMember.contact": Scope.CRM_READ,
    "CampaignMember.customer": Scope.CRM_READ,
    "Ticket.customer": Scope.CRM_READ,
    "Ticket.contact": Scope.CRM_READ,
    "Ticket.assignee": Scope.HR_READ,
    # Back office objects pointing at customers, suppliers and employees.
    "Invoice.customer": Scope.CRM_READ,
    "Payment.customer": Scope.CRM_READ,
    "CustomerAgeing.customer": Scope.CRM_READ,
    "SupplierInvoice.supplier": Scope.OPERATIONS_READ,
    "SupplierInvoice.purchaseOrder": Scope.OPERATIONS_READ,
    "Shipment.customer": Scope.CRM_READ,
    "Contract.owner": Scope.HR_READ,
    "ContractParty.customer": Scope.CRM_READ,
    "ContractParty.supplier": Scope.OPERATIONS_READ,
    "ContractParty.employee": Scope.HR_READ,
    "Obligation.responsible": Scope.HR_READ,
    "Asset.assignedTo": Scope.HR_READ,
    "AssetAssignment.employee": Scope.HR_READ,
    "SupportRequest.requester": Scope.HR_READ,
    "SupportRequest.assignee": Scope.HR_READ,
    # Pay is HR's, but not for everyone who reads HR.
    "Employee.salary": Scope.HR_SALARIES,
    "Employee.salaryHistory": Scope.HR_SALARIES,
}

# Fields with a resolver that return no area's object and read only their own area, each with what it reads.
OWN_AREA_COMPUTED = {
    "BankStatement.matchedLineCount": "the statement's own lines",
    "BankStatement.unmatchedLineCount": "the statement's own lines",
    "Journal.totalDebit": "the journal's own entries",
    "Journal.totalCredit": "the journal's own entries",
    "Product.onHand": "the product's stock levels (operations)",
    "Ticket.slaPaused": "the ticket's own row",
    "Ticket.slaRemainingSeconds": "the ticket's own row",
    "Ticket.slaBreached": "the ticket's own row",
    "Campaign.responseSummary": "the campaign's own members",
    "BotRun.steps": "the run's own steps",
    "BotRun.artifacts": "the run's own files",
    "BotRun.inputRequest": "the run's own question",
    "BotArtifact.url": "a signed link to the run's own file",
    "OutgoingPayment.approvals": "the payment order's own approvals",
}

# Fields that read another area without its scope, each with why. Keep this short.
EXCEPTIONS = {
    "Query.node": "checks the read_scope of the id's type itself before any lookup (api/nodes.py)",
    "Ticket.assigneeName": "only the display name of the employee working the ticket, so a service desk without hr:read"
    " sees who has it; the employee itself (Ticket.assignee) needs hr:read",
}


def _strawberry(field: GraphQLField):
    return field.extensions.get("strawberry-definition")


def _origin(graphql_type) -> type | None:
    definition = (graphql_type.extensions or {}).get("strawberry-definition")
    return getattr(definition, "origin", None)


def _is_connection_part(graphql_type) -> bool:
    fields = getattr(graphql_type, "fields", {})
    return {"edges", "pageInfo"} <= set(fields) or {"node", "cursor"} <= set(fields)


def _returned(field: GraphQLField) -> GraphQLObjectType | None:
    """The object type a field returns, seen through lists, connections and edges; None for a leaf or an interface."""
    named = get_named_type(field.type)
    while isinstance(named, GraphQLObjectType) and _is_connection_part(named):
        named = get_named_type(named.fields["edges" if "edges" in named.fields else "node"].type)
    return named if isinstance(named, GraphQLObjectType) else None


def _read_scope(graphql_type: GraphQLObjectType | None) -> Scope | None:
    return getattr(_origin(graphql_type), "read_scope", None) if graphql_type is not None else None


def _declared(field: GraphQLField) -> frozenset[Scope]:
    definition = _strawberry(field)
    return frozenset(scope for permission in (definition.permission_classes if definition else ()) for scope in getattr(permission, "scopes", ()))


def _object_types() -> dict[str, GraphQLObjectType]:
    return {
        name: graphql_type for name, graphql_type in sorted(GRAPH.type_map.items())
        if isinstance(graphql_type, GraphQLObjectType) and not name.startswith("__") and not _is_connection_part(graphql_type)
    }


def _homes() -> dict[str, frozenset[Scope]]:
    """Each object type's home: its read_scope, or what every field reaching it guarantees (the roots have none)."""
    types = _object_types()
    homes: dict[str, frozenset[Scope] | None] = {name: None for name in types}  # None: not reached yet
    for name, graphql_type in types.items():
        if name in ROOTS:
            homes[name] = frozenset()
        elif (scope := _read_scope(graphql_type)) is not None:
            homes[name] = frozenset({scope})
    edges = [
        (name, field, target.name)
        for name, graphql_type in types.items() for field in graphql_type.fields.values()
        if (target := _returned(field)) is not None and target.name in types and _read_scope(target) is None and target.name not in ROOTS
    ]
    changed = True
    while changed:  # each pass can only narrow a home, so this ends
        changed = False
        reaching: dict[str, list[frozenset[Scope]]] = defaultdict(list)
        for parent, field, target in edges:
            if homes[parent] is not None:
                reaching[target].append(homes[parent] | _declared(field))
        for target, guaranteed in reaching.items():
            home = frozenset.intersection(*guaranteed)
            if home != homes[target]:
                homes[target], changed = home, True
    return {name: home or frozenset() for name, home in homes.items()}


def _holds(available: frozenset[Scope], needed: Scope) -> bool:
    """Whether `available` covers reading `needed`: holding it, or (for a payload) a scope of the same area besides
    hr:salaries-like scopes: the object a mutation wrote is read under the mutation's own scope."""
    if needed in available:
        return True
    area, _, kind = needed.value.partition(":")
    return kind == "read" and any(scope.value.partition(":")[0] == area for scope in available)


def _fields() -> dict[str, tuple[GraphQLObjectType, GraphQLField]]:
    return {f"{name}.{field_name}": (graphql_type, field) for name, graphql_type in _object_types().items() for field_name, field in graphql_type.fields.items()}


def _computed_leaves(homes: dict[str, frozenset[Scope]]) -> set[str]:
    """Fields with a resolver returning no area's object, on types that have a home (roots answer for themselves)."""
    return {
        path for path, (graphql_type, field) in _fields().items()
        if homes[graphql_type.name] and path.split(".")[1] != "id" and _strawberry(field) is not None
        and _strawberry(field).base_resolver is not None and _read_scope(_returned(field)) is None
    }


def _object_cross_area_fields(homes: dict[str, frozenset[Scope]]) -> dict[str, Scope]:
    """Fields returning objects read under a scope their type's home does not hold."""
    return {
        path: needed for path, (graphql_type, field) in _fields().items()
        if homes[graphql_type.name] and (needed := _read_scope(_returned(field))) is not None and not _holds(homes[graphql_type.name], needed)
    }


def test_every_field_returning_another_areas_objects_is_listed_with_the_scope_it_needs():
    derived = _object_cross_area_fields(_homes())
    listed = {path: scope for path, scope in CROSS_AREA_FIELDS.items() if path not in _computed_leaves(_homes())}

    unlisted = {path: str(scope) for path, scope in derived.items() if path not in listed and path not in EXCEPTIONS}
    assert unlisted == {}, "these fields read another area: add them to CROSS_AREA_FIELDS and declare cross_area_field(scope, ...)"
    wrong = {path: f"listed {listed[path]}, returns objects read under {scope}" for path, scope in derived.items() if path in listed and listed[path] != scope}
    assert wrong == {}
    stale = sorted(path for path in listed if path not in derived)
    assert stale == [], "these fields no longer read another area (or are gone): drop them from CROSS_AREA_FIELDS"


def test_every_computed_field_is_classified_as_reading_its_own_area_or_another():
    computed = _computed_leaves(_homes())
    classified = {path for path in CROSS_AREA_FIELDS if path in computed} | set(OWN_AREA_COMPUTED) | (set(EXCEPTIONS) & computed)

    assert sorted(computed - classified) == [], (
        "does this field read another area's rows? list it in CROSS_AREA_FIELDS with the scope it needs, or in OWN_AREA_COMPUTED with what it reads"
    )
    assert sorted(set(OWN_AREA_COMPUTED) - computed) == [], "gone or no longer computed: drop them from OWN_AREA_COMPUTED"
    assert all(reason.strip() for reason in {**OWN_AREA_COMPUTED, **EXCEPTIONS}.values())


def test_every_cross_area_field_declares_exactly_the_scope_it_needs():
    fields = _fields()
    missing = sorted(path for path in CROSS_AREA_FIELDS if path not in fields)
    assert missing == [], "listed in CROSS_AREA_FIELDS but not in the schema"

    undeclared = {
        path: f"needs {scope}, declares {sorted(map(str, _declared(fields[path][1]))) or 'nothing'}"
        for path, scope in CROSS_AREA_FIELDS.items() if _declared(fields[path][1]) != {scope}
    }
    assert undeclared == {}, "declare the scope with cross_area_field(Scope.X, ...) (api/permissions.py)"


def test_every_cross_area_field_is_nullable_so_a_refusal_leaves_the_rest_of_the_object():
    fields = _fields()

    non_null = sorted(path for path in CROSS_AREA_FIELDS if isinstance(fields[path][1].type, GraphQLNonNull))

    assert non_null == []


def test_every_root_field_returning_an_areas_objects_declares_its_read_scope():
    homes = _homes()
    undeclared = {
        path: str(needed) for path, (graphql_type, field) in _fields().items()
        if not homes[graphql_type.name] and graphql_type.name != "Mutation" and path not in EXCEPTIONS
        and (needed := _read_scope(_returned(field))) is not None and not _holds(_declared(field), needed)
    }

    assert undeclared == {}


def test_report_rows_and_value_objects_are_at_home_in_the_area_their_report_reads():
    homes = _homes()

    assert homes["CustomerAgeing"] == {Scope.FINANCE_READ}
    assert homes["PipelineStageValue"] == {Scope.SALES_READ}
    assert homes["OpenPurchaseOrderLine"] == {Scope.OPERATIONS_READ}
    assert homes["Reports"] == frozenset() and homes["Viewer"] == frozenset()


def test_the_exceptions_are_few_and_each_says_why():
    assert len(EXCEPTIONS) <= 3
    assert all(path in _fields() for path in EXCEPTIONS)
