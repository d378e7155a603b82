from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    """Webhook endpoints, the event outbox and the delivery log."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "webhooks"

    def ready(self) -> None:
        """Connect the outbox to the product and import signals, and the fan-out's recorder
        to the actors that follow up on its outcomes.

        Imported here, not at the top, because receivers use models, which Django loads only
        once every app is registered (the documented place for signal receivers).
        """
        from core.worker_hooks import on_worker_shutdown

        from . import fanout, receivers, tasks  # receivers: importing connects them

        fanout.pool().on_recorded(tasks.follow_up)
        on_worker_shutdown("webhooks.fanout", fanout.stop_pool)
        del receivers
