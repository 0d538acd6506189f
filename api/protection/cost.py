"""A limit on what an operation may cost, estimated from its document before it runs.

Each field costs 1. A field that returns a page (it takes `first`/`last`) or a list of objects
multiplies the cost of its selection by the page size: its `first`/`last` argument (variables
resolved) or the default page size when absent. The lists inside a connection (`edges`) are that
same page, so they do not multiply again. Introspection fields are free. An operation above the
limit is refused with QUERY_TOO_COMPLEX, naming its cost.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
)
from strawberry.extensions import SchemaExtension

from api.errors import CodedError, ErrorCode
from api.pagination import MAX_PAGE_SIZE

_PAGE_ARGUMENTS = ("first", "last")


class QueryCostLimiter(SchemaExtension):
    """Refuses, once a document is valid, an operation that costs more than `max_cost`.

    The cost depends on the variables (`first: $n`), so it is not a validation rule: validation then
    depends on the document alone and is cached across requests (api.protection.document_cache), which
    must come before this extension and has validated the document when this one looks.
    """

    def __init__(self, *, max_cost: int, default_page_size: int = MAX_PAGE_SIZE) -> None:
        self.max_cost = max_cost
        self.default_page_size = default_page_size

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        operation = None if document is None else _chosen_operation(document.definitions, context.operation_name)
        # An invalid document is refused for that; one with no such operation fails on its own.
        if operation is not None and not context.pre_execution_errors:
            cost = CostEstimate(
                context.schema._schema,
                document.definitions,
                variables=context.variables or {},
                default_page_size=self.default_page_size,
            ).of_operation(operation)
            if cost > self.max_cost:
                context.pre_execution_errors = [too_complex(cost, self.max_cost)]
        yield


def too_complex(cost: int, max_cost: int) -> CodedError:
    return CodedError(
        ErrorCode.QUERY_TOO_COMPLEX,
        f"the operation costs {cost}, more than the limit of {max_cost}: ask for smaller pages or fewer fields",
        extensions={"cost": cost, "maxCost": max_cost},
    )


class CostEstimate:
    """The cost of operations of one document under one set of variables."""

    def __init__(
        self,
        schema: GraphQLSchema,
        definitions: Any,
        *,
        variables: Mapping[str, Any],
        default_page_size: int = MAX_PAGE_SIZE,
    ) -> None:
        self.schema = schema
        self.fragments = {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}
        self.variables = variables
        self.default_page_size = default_page_size
        self._variable_defaults: dict[str, ValueNode] = {}
        self._fragment_costs: dict[str, int] = {}  # each fragment once: nested spreads cannot blow up

    def of_operation(self, operation: OperationDefinitionNode) -> int:
        self._variable_defaults = {
            d.variable.name.value: d.default_value for d in operation.variable_definitions or () if d.default_value
        }
        root = self.schema.get_root_type(operation.operation)
        return self._selections(operation.selection_set, root)

    def _selections(self, selection_set: SelectionSetNode | None, parent: GraphQLNamedType | None) -> int:
        total = 0
        for selection in selection_set.selections if selection_set else ():
            if isinstance(selection, FieldNode):
                total += self._field(selection, parent)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                on_type = self.schema.get_type(condition.name.value) if condition else parent
                total += self._selections(selection.selection_set, on_type)
            elif isinstance(selection, FragmentSpreadNode):
                total += self._fragment(selection.name.value)
        return total

    def _fragment(self, name: str) -> int:
        if name not in self._fragment_costs:
            fragment = self.fragments.get(name)
            self._fragment_costs[name] = 0  # a cycle (invalid anyway) adds nothing
            if fragment is not None:
                on_type = self.schema.get_type(fragment.type_condition.name.value)
                self._fragment_costs[name] = self._selections(fragment.selection_set, on_type)
        return self._fragment_costs[name]

    def _field(self, node: FieldNode, parent: GraphQLNamedType | None) -> int:
        if node.name.value.startswith("__"):
            return 0
        fields = parent.fields if isinstance(parent, (GraphQLObjectType, GraphQLInterfaceType)) else {}
        definition = fields.get(node.name.value)
        if node.selection_set is None or definition is None:
            return 1
        children = self._selections(node.selection_set, get_named_type(definition.type))
        return 1 + self._page_size(node, definition, parent) * children

    def _page_size(self, node: FieldNode, definition: Any, parent: GraphQLNamedType | None) -> int:
        if any(name in definition.args for name in _PAGE_ARGUMENTS):
            given = {argument.name.value: argument.value for argument in node.arguments or ()}
            sizes = [size for name in _PAGE_ARGUMENTS if (size := self._int(given.get(name))) is not None]
            return min(sizes) if sizes else self.default_page_size
        if isinstance(get_nullable_type(definition.type), GraphQLList) and not _is_connection(parent):
            return self.default_page_size
        return 1

    def _int(self, value: ValueNode | None) -> int | None:
        if isinstance(value, VariableNode):
            name = value.name.value
            if name in self.variables:
                raw = self.variables[name]
                return max(raw, 0) if isinstance(raw, int) and not isinstance(raw, bool) else None
            value = self._variable_defaults.get(name)
        if isinstance(value, IntValueNode):
            return max(int(value.value), 0)
        return None


def _is_connection(type_: GraphQLNamedType | None) -> bool:
    return isinstance(type_, GraphQLObjectType) and {"edges", "pageInfo"} <= type_.fields.keys()


def _chosen_operation(definitions: Any, name: str | None) -> OperationDefinitionNode | None:
    operations = [d for d in definitions if isinstance(d, OperationDefinitionNode)]
    if name is None:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name and o.name.value == name), None)
