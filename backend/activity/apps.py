from django.apps import AppConfig


class ActivityConfig(AppConfig):
    """The activity log: who did what, when, from where."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "activity"
