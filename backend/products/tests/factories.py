"""Test data for products."""

from datetime import timedelta

from django.utils import timezone

from products.models import Product


def make_products(count: int, **fields) -> list[Product]:
    """Create ``count`` products with distinct SKUs and strictly increasing updated_at."""
    start = timezone.now() - timedelta(days=1)
    products = [
        Product(
            sku=f"SKU-{index:04d}",
            name=f"Product {index}",
            description=f"Description {index}",
            **fields,
        )
        for index in range(count)
    ]
    Product.objects.bulk_create(products)
    for index, product in enumerate(Product.objects.order_by("id")):
        Product.objects.filter(pk=product.pk).update(
            updated_at=start + timedelta(seconds=index), created_at=start + timedelta(seconds=index)
        )
    return list(Product.objects.order_by("id"))
