from django.apps import AppConfig


class ProductsConfig(AppConfig):
    """The product catalogue."""

    name = "products"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Serve ``icontains`` from the embedded mode's trigram index (products/fulltext.py)
        and set up each new connection for it (products/databases/)."""
        from products import databases, fulltext

        fulltext.install()
        databases.install()
