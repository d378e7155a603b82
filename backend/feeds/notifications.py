"""E-mails about feed runs (Django's e-mail framework): to the feed's owner and its extra
addresses when a run fails, is held by the removal guard, or finishes with bad rows; a clean
or unchanged run only when the feed asks for it (`notify_on_success`).

`compose` decides and writes the message; `send` sends it (called by the `notify_feed_run`
actor, which retries, so a slow or broken mail server never holds up an import). A message
never carries a credential: it quotes the run's message, which never holds one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage

from imports.models import ImportJob

from .models import FeedRun
from .sources.http import safe_url

logger = logging.getLogger(__name__)

FINISHED = "finished"  # the run ended (with or without an import)
HELD = "held"  # its import waits at the removal guard


@dataclass(frozen=True)
class Notice:
    """One e-mail: who gets it, its subject and its text."""

    to: list[str]
    subject: str
    body: str


def recipients(run: FeedRun) -> list[str]:
    """The owner's address (if any) and the feed's extra ones, each once."""
    out: list[str] = []
    owner = run.feed.owner
    for address in ([owner.email] if owner is not None and owner.is_active else []) + list(
        run.feed.notify_emails or []
    ):
        if address and address.lower() not in (a.lower() for a in out):
            out.append(address)
    return out


def _link() -> str:
    app_url = getattr(settings, "APP_URL", "")
    return f"\nSee the feed's runs: {app_url}/feeds\n" if app_url else ""


def _counts(job: ImportJob) -> str:
    return (
        f"{job.rows_processed:,} rows read: {job.created_count:,} created, "
        f"{job.updated_count:,} updated, {job.unchanged_count:,} unchanged, "
        f"{job.skipped_count:,} skipped, {job.error_count:,} rejected"
    )


def compose(run: FeedRun, event: str) -> Notice | None:
    """The e-mail about `run` (None when there is nothing worth a message, or nobody to
    tell)."""
    feed = run.feed
    job = run.job
    head = (
        f"Feed: {feed.name}\nSource: {safe_url(feed.url)}\n"
        f"Run started: {run.started_at:%Y-%m-%d %H:%M} UTC ({run.trigger})\n"
    )
    if event == HELD and job is not None:
        subject = f'Feed "{feed.name}": the import waits for your confirmation'
        text = (
            f"The import would remove {job.removal_count:,} of {job.removal_scope_count:,} "
            f"products in scope, more than the {job.max_removal_percent:g}% the guard allows. "
            "Nothing was removed yet: confirm or cancel the import in the app (import "
            f"{job.file_name}). The feed's next runs wait until then.\n"
        )
    elif run.status == FeedRun.Status.FAILED:
        subject = f'Feed "{feed.name}": the run failed'
        text = f"The run failed ({run.error_code or 'error'}): {run.message}\n"
        if not feed.enabled and feed.disabled_reason:
            text += f"\nThe feed is disabled now: {feed.disabled_reason}\n"
    elif job is not None and job.status == ImportJob.Status.FAILED:
        subject = f'Feed "{feed.name}": the import failed'
        text = f"The file was fetched, but its import failed: {job.error_message}\n"
        if not feed.enabled and feed.disabled_reason:
            text += f"\nThe feed is disabled now: {feed.disabled_reason}\n"
    elif job is not None and job.status == ImportJob.Status.COMPLETED and job.error_count:
        subject = f'Feed "{feed.name}": imported, {job.error_count:,} rows rejected'
        text = (
            f"The import finished with rows it could not apply. {_counts(job)}.\n"
            "The rejected rows and why are in the import's errors.csv.\n"
        )
    elif feed.notify_on_success and run.status == FeedRun.Status.UNCHANGED:
        subject = f'Feed "{feed.name}": nothing new'
        text = f"{run.message}\n"
    elif feed.notify_on_success and job is not None and job.status == ImportJob.Status.COMPLETED:
        subject = f'Feed "{feed.name}": imported'
        text = f"The import finished. {_counts(job)}.\n"
    else:
        return None
    to = recipients(run)
    if not to:
        return None
    return Notice(to=to, subject=subject, body=head + "\n" + text + _link())


def send(run_id: int, event: str) -> bool:
    """Send the e-mail about run `run_id`, if one is due; return whether one was sent.
    Errors of the mail server are raised (the actor tries again)."""
    run = FeedRun.objects.select_related("feed", "feed__owner", "job").filter(pk=run_id).first()
    if run is None or getattr(settings, "EMAIL_DELIVERY", "none") == "none":
        return False
    notice = compose(run, event)
    if notice is None:
        return False
    EmailMessage(notice.subject, notice.body, settings.DEFAULT_FROM_EMAIL, notice.to).send()
    logger.info("Feed %s run %s: e-mail sent to %s recipients", run.feed_id, run.pk, len(notice.to))
    return True
