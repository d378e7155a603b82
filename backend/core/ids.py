"""Opaque Relay ids (strawberry's ``GlobalID``): one place turns them into primary keys.

A malformed id and the id of another type are the same mistake to a client, so both raise
the same ``BAD_USER_INPUT`` error naming the argument. A well-formed id of the right type
that matches no row is left to the caller (null in queries, a validation message in
mutations, ``NOT_FOUND`` where a parent must exist).
"""

import re

from strawberry.relay import GlobalID, GlobalIDValueError

from core.graphql_errors import bad_user_input

MAX_PK = 2**63 - 1  # the largest primary key the databases can hold


def encode_id(type_name: str, pk: int) -> str:
    """Return the public id of the ``type_name`` row with primary key ``pk``."""
    return str(GlobalID(type_name, str(pk)))


def node_pk(value: object, type_name: str, *, field: str = "id") -> int:
    """Return the primary key in ``value``, the public id of a ``type_name``.

    Raises a ``BAD_USER_INPUT`` GraphQL error on ``field`` when ``value`` is not such an id.
    """
    try:
        global_id = value if isinstance(value, GlobalID) else GlobalID.from_id(str(value))
    except GlobalIDValueError:
        global_id = None
    node_id = global_id.node_id if global_id is not None else ""
    pk = int(node_id) if node_id.isascii() and node_id.isdigit() else 0
    if global_id is None or global_id.type_name != type_name or not 0 < pk <= MAX_PK:
        label = re.sub(r"(?<!^)(?=[A-Z])", " ", type_name).lower().replace("api ", "API ")
        article = "an" if label[0] in "aeioAEIO" else "a"  # "a user", "an import job"
        raise bad_user_input(
            f"'{field}' is not the id of {article} {label}: "
            "pass an id exactly as this API returned it.",
            field=field,
        )
    return pk
