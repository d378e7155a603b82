"""The import jobs that feed runs started say so (`ImportJob.origin` FEED)."""

from django.db import migrations


def backfill(apps, schema_editor) -> None:
    """Mark the jobs of feed runs as FEED (the imports migration left them UPLOAD)."""
    job = apps.get_model("imports", "ImportJob")
    run = apps.get_model("feeds", "FeedRun")
    job.objects.filter(
        kind="IMPORT", pk__in=run.objects.filter(job__isnull=False).values("job_id")
    ).update(origin="FEED")


class Migration(migrations.Migration):
    dependencies = [("feeds", "0001_initial"), ("imports", "0014_job_origin")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
