"""Each database answers the same: the right one is picked, and a bulk load's index drop and
rebuild leave search, substring filters and counts as they were."""

import pytest
from django.conf import settings
from django.db import connection, transaction

from products import bulk_indexes, counts, services
from products.databases import for_connection
from products.databases.postgresql import PostgresDatabase
from products.databases.sqlite import SqliteDatabase
from products.models import Product
from products.search import description_words_q, search_q


def test_the_database_of_the_current_mode_is_picked():
    # Given the mode the settings chose (embedded: SQLite; production: PostgreSQL)
    expected = SqliteDatabase if settings.EMBEDDED else PostgresDatabase

    # Then Django's connection and an explicitly given one get that database's object
    assert isinstance(for_connection(), expected)
    assert isinstance(for_connection(connection), expected)


def skus(queryset) -> list[str]:
    return sorted(queryset.values_list("sku", flat=True))


# Outside a test transaction: PostgreSQL builds indexes on several connections only then.
@pytest.mark.django_db(transaction=True)
def test_products_written_while_the_indexes_are_dropped_are_found_after_the_rebuild():
    # Given a product, and the secondary indexes a bulk load drops
    services.create_product(sku="ZEB-1", name="Zebrafish tank", description="glass")
    definitions = bulk_indexes.secondary_indexes()
    assert definitions

    # When they are dropped and another product is written meanwhile
    with transaction.atomic():
        bulk_indexes.drop(definitions)
    assert bulk_indexes.missing(definitions) == definitions
    services.create_product(sku="ZEB-2", name="Zebrafish food", description="flakes")
    assert skus(Product.objects.filter(search_q("zebra"))) == ["ZEB-1", "ZEB-2"]
    assert skus(Product.objects.filter(description_words_q("flak"))) == ["ZEB-2"]

    # Then the rebuild brings every one back and finds both products, as before the drop
    bulk_indexes.rebuild(definitions)
    assert bulk_indexes.missing(definitions) == []
    found = Product.objects.filter(search_q("zebra"))
    assert skus(found) == ["ZEB-1", "ZEB-2"]
    assert counts.product_count(found) == 2
    assert skus(Product.objects.filter(description__icontains="LAKE")) == ["ZEB-2"]
    assert skus(Product.objects.filter(description_words_q("gla"))) == ["ZEB-1"]
    assert skus(Product.objects.filter(description_words_q("zebra"))) == []
    assert counts.product_count(Product.objects.filter(name__icontains="fish")) == 2
