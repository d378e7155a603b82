"""ProductInput is built straight from its input value (`core.graphql_input.scalar_fields_input`):
the same objects as strawberry's own conversion, for fields given, left out and null."""

from strawberry.types.arguments import convert_argument
from strawberry.types.base import StrawberryList

from config.schema import schema
from products.types import ProductInput

VALUES = [
    {"sku": "A-1", "name": "Chair"},
    {"sku": "A-2", "name": "Table", "description": None, "active": False},
    {"sku": "A-3", "name": "Lamp", "description": "Bright", "active": True},
]


def convert(values):
    return convert_argument(values, StrawberryList(ProductInput),
                            schema.schema_converter.scalar_registry, schema.config)


def test_product_inputs_are_the_objects_strawberrys_own_conversion_builds():
    definition = ProductInput.__strawberry_definition__
    quick = convert(VALUES)
    hook, definition.from_input = definition.from_input, None
    try:
        generic = convert(VALUES)
    finally:
        definition.from_input = hook

    assert hook is not None
    assert quick == generic
    assert [type(value) for value in quick] == [ProductInput] * 3
