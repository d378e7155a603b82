from django.apps import AppConfig


class ExportsConfig(AppConfig):
    """Product exports: CSV or XLSX files of the products a filter selects."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "exports"
