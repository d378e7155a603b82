from django.apps import AppConfig


class ImportsConfig(AppConfig):
    """CSV imports of products: upload, background upsert, progress, errors."""

    name = "imports"
    default_auto_field = "django.db.models.BigAutoField"
