from django.apps import AppConfig


class ProductsConfig(AppConfig):
    """The product catalogue."""

    name = "products"
    default_auto_field = "django.db.models.BigAutoField"
