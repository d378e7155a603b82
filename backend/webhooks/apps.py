from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    """Webhook endpoints, the event outbox and the delivery log."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "webhooks"

    def ready(self) -> None:
        """Connect the outbox to the product and import signals.

        Imported here, not at the top, because receivers use models, which Django loads only
        once every app is registered (the documented place for signal receivers).
        """
        from . import receivers  # noqa: F401 - importing connects the receivers
