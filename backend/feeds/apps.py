from django.apps import AppConfig


class FeedsConfig(AppConfig):
    """Feeds: catalogues fetched from a URL or an SFTP server, on a schedule or on demand."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "feeds"

    def ready(self) -> None:
        """Connect the receivers of finished imports."""
        from . import receivers  # noqa: F401
