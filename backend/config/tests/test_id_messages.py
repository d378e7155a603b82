"""A wrong id says which kind of id was expected, in plain English."""

import pytest
from graphql import GraphQLError

from core.ids import node_pk


@pytest.mark.parametrize(
    ("type_name", "expected"),
    [
        ("User", "'id' is not the id of a user:"),
        ("ImportJob", "'id' is not the id of an import job:"),
        ("ApiToken", "'id' is not the id of an API token:"),
        ("Webhook", "'id' is not the id of a webhook:"),
    ],
)
def test_a_wrong_id_names_the_kind_expected(type_name, expected):
    with pytest.raises(GraphQLError) as refused:
        node_pk("not-an-id", type_name)

    assert str(refused.value).startswith(expected)
    assert refused.value.extensions["code"] == "BAD_USER_INPUT"
