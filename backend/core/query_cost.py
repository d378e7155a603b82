"""The cost of a GraphQL operation, worked out from its validated document before it runs.

The rules (Shopify's and Saleor's approach; docs/limits.md lists them for clients):

* a scalar or enum field costs 0, an object field 1 plus its fields;
* a connection costs 2, plus ``first``/``last`` (the largest page when neither is given)
  times what one item costs (1 plus the node's fields): the page size multiplies its children;
  ``pageInfo`` is free;
* ``totalCount`` costs 10, plus its filter's surcharge again (counting scans every match);
* a filter that no index serves costs more: each ``contains``/``iContains``/``endsWith``/
  ``iEndsWith``/``regex``/``iRegex`` lookup 50, each ``OR`` 25, ``search`` and
  ``descriptionWords`` (a word index serves them) 10 each;
* each mutation field costs 10 plus its result.

Costs are kept per query text, operation and the *shape* of the variables the priced
arguments use (``first``, ``last``, ``filters``; strings blanked, numbers kept), so the page
after page of one screen is worked out once, and a mutation's long input list is not walked
to find its cost again.
"""

import threading
from collections.abc import Iterator
from typing import Any

from cachetools import LRUCache
from graphql import (
    ArgumentNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    VariableNode,
    Visitor,
    get_named_type,
    is_leaf_type,
    value_from_ast_untyped,
    visit,
)

OBJECT_COST = 1
CONNECTION_COST = 2
TOTAL_COUNT_COST = 10
MUTATION_COST = 10
SCAN_LOOKUP_COST = 50
OR_COST = 25
SEARCH_COST = 10
# Filters of the products' word index (the search box, the description's words).
WORD_INDEX_FILTERS = frozenset({"search", "descriptionWords"})
# String lookups that no B-tree index serves: the database reads every row to answer them.
SCAN_LOOKUPS = frozenset({"contains", "iContains", "endsWith", "iEndsWith", "regex", "iRegex"})
CACHED_COSTS = 1024
#: The arguments whose values the cost reads (the rest never change it).
PRICED_ARGUMENTS = frozenset({"first", "last", "filters"})


class _Walk:
    """One cost computation: the schema, the document's fragments, the variables."""

    def __init__(
        self, schema: GraphQLSchema, document: DocumentNode, variables: dict[str, Any], page: int
    ) -> None:
        self.schema = schema
        self.variables = variables
        self.max_page = page
        self.fragments = {
            definition.name.value: definition
            for definition in document.definitions
            if isinstance(definition, FragmentDefinitionNode)
        }

    def fields(
        self, selection_set: SelectionSetNode | None, parent: GraphQLNamedType | None
    ) -> Iterator[tuple[FieldNode, GraphQLNamedType | None]]:
        """The fields selected, through fragments, each with the type it is selected on."""
        if selection_set is None:
            return
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                yield selection, parent
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                on = self.schema.get_type(condition.name.value) if condition else parent
                yield from self.fields(selection.selection_set, on)
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is not None:
                    on = self.schema.get_type(fragment.type_condition.name.value)
                    yield from self.fields(fragment.selection_set, on)

    def selection(self, selection_set: SelectionSetNode | None, parent: Any) -> int:
        """What the fields of ``selection_set`` cost."""
        return sum(self.field(node, on) for node, on in self.fields(selection_set, parent))

    def arguments(self, node: FieldNode) -> dict[str, Any]:
        return {
            argument.name.value: value_from_ast_untyped(argument.value, self.variables)
            for argument in node.arguments or ()
        }

    def field(self, node: FieldNode, parent: Any) -> int:
        """What one field costs, with its children."""
        if not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return 0
        definition = parent.fields.get(node.name.value)
        if definition is None:  # __typename and other introspection fields
            return 0
        named = get_named_type(definition.type)
        arguments = self.arguments(node)
        surcharge = filter_cost(arguments.get("filters"))
        if is_leaf_type(named):
            return surcharge
        if _is_connection(named):
            return CONNECTION_COST + surcharge + self.connection(node, named, arguments, surcharge)
        return OBJECT_COST + surcharge + self.selection(node.selection_set, named)

    def connection(
        self, node: FieldNode, connection: Any, arguments: dict[str, Any], surcharge: int
    ) -> int:
        """A connection's children: each item's cost times the page size; the count."""
        size = arguments.get("first")
        if size is None:
            size = arguments.get("last")
        # Out-of-range sizes are refused by the connection itself, with its own message.
        size = max(0, min(size, self.max_page)) if isinstance(size, int) else self.max_page
        cost = 0
        for child, on in self.fields(node.selection_set, connection):
            name = child.name.value
            if name == "totalCount":
                cost += TOTAL_COUNT_COST + surcharge
            elif name == "pageInfo":
                continue  # worked out with the page itself
            elif name == "edges":
                edge = get_named_type(connection.fields["edges"].type)
                cost += size * (OBJECT_COST + self.edge(child, edge))
            else:
                cost += self.field(child, on)
        return cost

    def edge(self, node: FieldNode, edge: Any) -> int:
        """One edge's fields: its node (counted as the item itself) and the cursor."""
        cost = 0
        for child, on in self.fields(node.selection_set, edge):
            if child.name.value == "node":
                cost += self.selection(child.selection_set, get_named_type(on.fields["node"].type))
            else:
                cost += self.field(child, on)
        return cost


def _is_connection(named: GraphQLNamedType) -> bool:
    return (
        isinstance(named, GraphQLObjectType)
        and named.name.endswith("Connection")
        and "edges" in named.fields
    )


def filter_cost(value: Any) -> int:
    """The surcharge of a ``filters`` argument: lookups that scan, ``OR``, the word index's
    filters (``search``, ``descriptionWords``)."""
    if not isinstance(value, dict):
        return 0
    cost = 0
    for key, item in value.items():
        if item is None:
            continue
        if key == "OR":
            cost += OR_COST + filter_cost(item)
        elif key in ("AND", "NOT"):
            cost += filter_cost(item)
        elif key in WORD_INDEX_FILTERS:
            cost += SEARCH_COST
        elif isinstance(item, dict):
            scans = sum(1 for lookup, v in item.items() if lookup in SCAN_LOOKUPS and v is not None)
            cost += SCAN_LOOKUP_COST * scans
    return cost


def _operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode) and (
            name is None or (definition.name and definition.name.value == name)
        ):
            return definition
    return None


def operation_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: dict[str, Any] | None,
    max_page_size: int,
) -> int:
    """What the operation of a validated ``document`` costs with these variables."""
    operation = _operation(document, operation_name)
    if operation is None:
        return 0
    values = {
        definition.variable.name.value: value_from_ast_untyped(definition.default_value)
        for definition in operation.variable_definitions or ()
        if definition.default_value is not None
    }
    values.update(variables or {})
    walk = _Walk(schema, document, values, max_page_size)
    root = schema.get_root_type(operation.operation)
    if operation.operation != OperationType.MUTATION:
        return walk.selection(operation.selection_set, root)
    fields = walk.fields(operation.selection_set, root)
    return sum(MUTATION_COST + walk.field(node, on) for node, on in fields)


def _shape(value: Any) -> Any:
    """The parts of a variable value that can change a cost (strings are blanked)."""
    if isinstance(value, dict):
        return tuple(sorted((key, _shape(item)) for key, item in value.items()))
    if isinstance(value, list):
        return tuple(_shape(item) for item in value)
    if isinstance(value, str):
        return ""
    return value


class _PricedVariables(Visitor):
    """Collects the variables used inside ``first``, ``last`` and ``filters`` arguments."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.inside = False

    def enter_argument(self, node: ArgumentNode, *_: Any) -> None:
        self.inside = node.name.value in PRICED_ARGUMENTS

    def leave_argument(self, node: ArgumentNode, *_: Any) -> None:
        self.inside = False

    def enter_variable(self, node: VariableNode, *_: Any) -> None:
        if self.inside:
            self.names.add(node.name.value)


def priced_variables(document: DocumentNode) -> frozenset[str]:
    """The names of the variables used in the document's ``first``, ``last`` and ``filters``
    arguments: the only variables whose values can change its cost."""
    collector = _PricedVariables()
    visit(document, collector)
    return frozenset(collector.names)


class CostCache:
    """Costs per (query text, operation name, shape of the priced variables), least recently
    used dropped."""

    def __init__(self, size: int = CACHED_COSTS) -> None:
        self._lock = threading.Lock()
        self._costs: LRUCache[tuple, int] = LRUCache(maxsize=size)
        self._priced: LRUCache[str, frozenset[str]] = LRUCache(maxsize=size)

    def cost(
        self,
        schema: GraphQLSchema,
        query: str,
        document: DocumentNode,
        operation_name: str | None,
        variables: dict[str, Any] | None,
        max_page_size: int,
    ) -> int:
        """The operation's cost, worked out once per query text and priced variables' shape."""
        with self._lock:
            priced = self._priced.get(query)
        if priced is None:
            priced = priced_variables(document)
            with self._lock:
                self._priced[query] = priced
        given = variables or {}
        shape = _shape({name: given[name] for name in priced if name in given})
        key = (query, operation_name, shape, max_page_size)
        with self._lock:
            cost = self._costs.get(key)
        if cost is None:
            cost = operation_cost(schema, document, operation_name, variables, max_page_size)
            with self._lock:
                self._costs[key] = cost
        return cost
