"""Import jobs say where they came from (`ImportJob.origin`).

Existing jobs are given the best origin their row tells: REVERT for a revert, API for an
upsertProducts call (JSON Lines read with `absent_keeps`, or named "API upsert of ..."),
DIRECT_UPLOAD for the job of a direct upload, BULK_ACTION for an activation, deactivation or
deletion of chosen products ("Deactivate (12 products)", "Delete of 3 products"), FEED for
a feed's source test (not listed), UPLOAD otherwise. The jobs of feed runs are marked FEED by
the feeds app's migration that follows this one.
"""

from django.db import migrations, models
from django.db.models import Q

# The names `bulk_actions` and `deletions` give their jobs (no file, nothing uploaded).
BULK_ACTION_NAME = (
    r"^(Activate|Deactivate) \([0-9,]+ products?\)$|^(API delete|Delete) of [0-9,]+ products?$"
)


def backfill(apps, schema_editor) -> None:
    """Set the origin of the jobs that were not uploads (all start as UPLOAD)."""
    job = apps.get_model("imports", "ImportJob")
    direct = apps.get_model("imports", "DirectUpload")
    imports = job.objects.filter(kind="IMPORT")
    imports.filter(listed=False).update(origin="FEED")
    imports.filter(pk__in=direct.objects.filter(job__isnull=False).values("job_id")).update(
        origin="DIRECT_UPLOAD"
    )
    imports.filter(
        Q(options__absent_keeps=True) | Q(file_name__startswith="API upsert of ")
    ).update(origin="API")
    imports.filter(file="", file_size=0, file_name__regex=BULK_ACTION_NAME).update(
        origin="BULK_ACTION"
    )
    job.objects.filter(kind="REVERT").update(origin="REVERT")


class Migration(migrations.Migration):
    dependencies = [("imports", "0013_job_notice")]

    operations = [
        migrations.AddField(
            model_name="importjob",
            name="origin",
            field=models.CharField(
                choices=[
                    ("UPLOAD", "Upload"),
                    ("DIRECT_UPLOAD", "Direct Upload"),
                    ("FEED", "Feed"),
                    ("API", "Api"),
                    ("BULK_ACTION", "Bulk Action"),
                    ("REVERT", "Revert"),
                ],
                default="UPLOAD",
                max_length=16,
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
