from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    """Webhook endpoints, the event outbox and the delivery log."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "webhooks"

    def ready(self) -> None:
        """Connect the outbox to the product and import signals."""
        from . import receivers

        receivers.connect()
