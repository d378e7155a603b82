"""`missingScope: SOURCE` removes only products an import of the same source CREATED, and
never a product created or last edited by hand, whichever import wrote it last."""

import pytest

from imports.models import ImportJob
from products.models import Product
from products.services import create_product, update_product

pytestmark = pytest.mark.django_db

ACME = {"source": "acme"}


def sync(missing: str) -> dict:
    return {"missing": missing, "missing_scope": "SOURCE", "source": "acme",
            "max_removal_percent": 100}


def state() -> dict[str, bool]:
    return dict(Product.objects.values_list("sku", "active"))


@pytest.fixture
def mixed_catalogue(run_import):
    """acme created a-1..a-3; a person created `hand`; another source created o-1."""
    run_import(b"sku,name\na-1,A1\na-2,A2\na-3,A3\n", options=ACME)
    run_import(b"sku,name\no-1,O1\n", options={"source": "other"})
    create_product(sku="hand", name="By hand")
    # acme's file also lists the hand-made product once: acme wrote it last, did not create it
    run_import(b"sku,name\nhand,Named by acme\no-1,O1 by acme\n", options=ACME)
    # another source updates a product acme created: it is still acme's
    run_import(b"sku,name\na-2,A2 by other\n", options={"source": "other"})
    # a person edits a product acme created: it is theirs now
    update_product(Product.objects.get(sku="a-3").pk, {"name": "A3 edited by hand"})


@pytest.mark.parametrize("missing", ["DEACTIVATE", "DELETE"])
def test_only_what_the_source_created_is_removed(run_import, mixed_catalogue, missing):
    job = run_import(b"sku,name\na-1,A1\n", options=sync(missing))
    assert job.status == ImportJob.Status.COMPLETED
    # in scope: a-1 (listed), a-2 (acme created it; other wrote it last)
    assert job.removal_scope_count == 2
    expected = {"a-1": True, "a-2": False, "a-3": True, "hand": True, "o-1": True}
    if missing == "DELETE":
        expected.pop("a-2")
        assert job.deleted_count == 1
    else:
        assert job.deactivated_count == 1
    assert state() == expected


def test_a_product_created_by_hand_stays_even_after_the_source_wrote_it(run_import):
    create_product(sku="hand", name="By hand")
    run_import(b"sku,name\nhand,Renamed by acme\n", options=ACME)
    assert Product.objects.get(sku="hand").last_import_id is not None
    job = run_import(b"sku,name\nnew,New\n", options=sync("DELETE"))
    assert (job.removal_count, job.deleted_count) == (0, 0)
    assert set(state()) == {"hand", "new"}


def test_undo_of_a_source_deletion_gives_the_product_back_to_its_source(
        run_import, run_revert):
    created = run_import(b"sku,name\na-1,A1\na-2,A2\n", options=ACME)
    deleting = run_import(b"sku,name\na-1,A1\n", options=sync("DELETE"))
    assert deleting.deleted_count == 1
    run_revert(deleting)
    back = Product.objects.get(sku="a-2")
    assert back.created_by_import_id == created.pk
    again = run_import(b"sku,name\na-1,A1\n", options=sync("DELETE"))
    assert again.deleted_count == 1 and "a-2" not in state()
