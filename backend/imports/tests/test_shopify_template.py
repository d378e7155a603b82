"""Shopify's product template as it is downloaded: every row counted (16 products and 1 image
row), each variant named from its options as Shopify's admin names it."""

import pytest

from imports.models import ImportJob

from . import real_files
from .conftest import catalogue

pytestmark = pytest.mark.django_db


def test_every_row_is_counted_and_the_image_row_is_explained(run_import):
    job = run_import(real_files.shopify_product_template(), name="product_template.csv")
    assert job.status == ImportJob.Status.COMPLETED, job.error_message
    assert (job.rows_processed, job.created_count, job.error_count) == (17, 16, 1)
    error = job.errors.get()
    assert error.line == 14
    assert error.message == (
        "image row without a SKU (handle 'example-t-shirt'): Shopify lists a product's extra "
        "images on rows of their own; images are not imported, so it adds no product")


def test_variants_are_named_from_their_option_values(run_import):
    run_import(real_files.shopify_product_template())
    products = catalogue()
    assert products["TS-GRE-S"] == ("Example T-Shirt - Green / S", "<p>A plain tee</p>", True)
    assert products["TS-BLU-XL"] == ("Example T-Shirt - Blue / XL", "<p>A plain tee</p>", True)
    assert products["TS-BLA-M"][0] == "Example T-Shirt - Black / M"
    assert len({name for name, _, _ in products.values()}) == 16
    # a product with one "Default Title" variant keeps its plain title
    assert products["EX-1"] == ("Example 1", "<p>Item 1</p>", True)


def test_the_preview_names_the_variants_and_shows_the_image_row(run_import):
    from io import BytesIO

    from imports.staging.inspection import inspect_file

    data = real_files.shopify_product_template()
    details = inspect_file(BytesIO(data), len(data), {}).details
    rows = {row["line"]: row for row in details["preview"]}
    names = {c["field"]: c["value"] for c in rows[3]["cells"]}
    assert names["name"] == "Example T-Shirt - Green / M"
    assert rows[14]["problem"].startswith("image row without a SKU")


def test_a_partial_shopify_file_without_titles_updates_its_variants(run_import):
    run_import(real_files.shopify_product_template())
    partial = (
        b"Handle,Variant SKU,Option1 Value,Variant Inventory Policy,Published\n"
        b"example-t-shirt,TS-GRE-S,Green,deny,false\n"
        b"example-t-shirt,TS-BLU-XL,Blue,deny,false\n"
    )
    job = run_import(partial, name="stock.csv")
    assert job.status == ImportJob.Status.COMPLETED, job.error_message
    assert (job.updated_count, job.error_count) == (2, 0)
    products = catalogue()
    # no name column: the names stay as the full template set them
    assert products["TS-GRE-S"] == ("Example T-Shirt - Green / S", "<p>A plain tee</p>", False)
    assert products["TS-BLU-XL"][0] == "Example T-Shirt - Blue / XL"
