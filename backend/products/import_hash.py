"""A compact hash of a product's values as an import last wrote them.

An import stores, with each product it writes from a file holding every column, the
BLAKE2b (8 bytes, as a signed 64-bit integer) of the row's values. A later import of the same
values computes the same hash and knows the product is unchanged without staging or comparing
the row in the database.

The hash stays true because no write can change the values and keep it: a trigger
(migration ``0010``) clears it whenever ``sku``, ``name``, ``description`` or ``active``
change in a statement that does not set a new one, whichever code path writes (an API edit,
a revert, a removal, a statement typed by hand). A NULL hash means "compare in the database".
"""

from hashlib import blake2b

COLUMN = "import_hash"


def values_hash(sku: str, name: str, description: str, active: bool) -> int:
    """The hash of a product's values (length-prefixed, so no two value sets share a text)."""
    text = f"{len(sku)}:{sku}{len(name)}:{name}{len(description)}:{description}{int(active)}"
    digest = blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)
