"""The attribute holding each relay node's id, looked up once per type instead of per node.

strawberry's ``Node.resolve_id_attr`` finds the attribute by evaluating the type annotations
of every class in the node type's MRO, looking for one marked ``relay.NodeID``, and keeps
the answer only when it finds one. strawberry-django's model types have no such field (the
id is the primary key): the scan fails, strawberry-django falls back to ``"pk"``, and the
whole scan runs again for the ``id`` of every node of every answer. On a page of 50
products that was most of the CPU time of the request.

:func:`remember_node_id_attributes` runs the lookup once for every node type of a schema
and keeps its answer on the type, where ``resolve_id_attr`` looks first; the answer is the
one the scan gives, so ids are unchanged.
"""

from strawberry import relay
from strawberry.schema import Schema
from strawberry.types.base import StrawberryObjectDefinition


def node_types(schema: Schema) -> list[type[relay.Node]]:
    """The concrete object types of ``schema`` that implement ``Node``."""
    found = []
    for graphql_type in schema.schema_converter.type_map.values():
        definition = graphql_type.definition
        if not isinstance(definition, StrawberryObjectDefinition) or definition.is_interface:
            continue
        origin = definition.origin
        if isinstance(origin, type) and issubclass(origin, relay.Node):
            found.append(origin)
    return found


def remember_node_id_attributes(schema: Schema) -> None:
    """Look up each node type's id attribute now and keep it on the type."""
    # Every answer first, then kept: a type's kept answer would be inherited by a subclass
    # still to be looked up, which may name another attribute.
    answers = {
        node_type: node_type.resolve_id_attr()
        for node_type in node_types(schema)
        if node_type.__dict__.get("_id_attr") is None
    }
    for node_type, attribute in answers.items():
        node_type._id_attr = attribute
