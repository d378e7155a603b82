"""A compact hash of a product's values as an import last wrote them.

An import stores, with each product it writes, the BLAKE2b (8 bytes, as a signed 64-bit
integer) of the row's values in the columns its file has (a column the file lacks is hashed
as absent, so files with other columns never share a hash). A later import of the same
values from the same columns computes the same hash and knows the product is unchanged
without staging or comparing the row in the database; any other file is compared there.

The hash stays true because no write can change the values and keep it: a trigger
(migration ``0011``) clears it whenever ``sku``, ``name``, ``description`` or ``active``
change in a statement that does not set a new one, whichever code path writes (an API edit,
a revert, a removal, a statement typed by hand). A NULL hash means "compare in the database".
"""

from hashlib import blake2b

COLUMN = "import_hash"


def values_hash(sku: str, name: str, description: str | None, active: bool | None) -> int:
    """The hash of a row's values; None: the file has no such column. Texts are
    length-prefixed (and an absent one is ``~``), so no two rows share the hashed text."""
    about = "~" if description is None else f"{len(description)}:{description}"
    state = "~" if active is None else str(int(active))
    text = f"{len(sku)}:{sku}{len(name)}:{name}{about}{state}"
    digest = blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)
