"""The activity log: one row per thing a person or token did (or tried to do)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Entry(models.Model):
    """Who did what, to which object, when and from where.

    The actor's name and the object's label are copied, so an entry still reads right after
    the person, token or object is gone. Never holds a password, secret or token value.
    """

    at = models.DateTimeField(default=timezone.now, db_index=True)
    kind = models.CharField(max_length=64, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    actor = models.CharField(max_length=150, help_text="Username at the time, or 'system'.")
    token_id = models.BigIntegerField(null=True, blank=True)
    token_label = models.CharField(max_length=120, blank=True, help_text="Name and prefix.")
    ip = models.GenericIPAddressField(null=True, blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    target_type = models.CharField(max_length=40, blank=True)
    target_id = models.CharField(max_length=40, blank=True)
    target_label = models.CharField(max_length=300, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["user", "-at"], name="activity_user_at"),
            models.Index(fields=["target_type", "target_id", "-at"], name="activity_target_at"),
        ]
        verbose_name_plural = "entries"

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor} {self.kind}"
