from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Users, sessions and API tokens."""

    name = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        """Connect the sign-in receivers that write to the activity log."""
        from accounts import receivers  # noqa: F401  (connects on import)
