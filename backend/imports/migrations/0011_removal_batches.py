"""A removal's decided products are kept in batches (one row per chunk of the removal, its
product ids as a list) instead of one row per product.

Rows exist only while a removal runs (decided, not yet carried out to its end); those of
such a removal are regrouped into batches of the lines still to do, so it resumes exactly.
"""

from django.db import migrations, models

BATCH = 25_000


def to_batches(apps, schema_editor) -> None:
    removal = apps.get_model("imports", "ImportRemoval")
    job = apps.get_model("imports", "ImportJob")
    old = removal.objects.filter(product_ids__isnull=True)
    done = dict(job.objects.filter(pk__in=old.values("job_id")).values_list("pk", "removal_line"))
    batches, current = [], None
    for job_id, line, product_id in old.order_by("job_id", "line").values_list(
            "job_id", "line", "product_id").iterator():
        if line <= (done.get(job_id) or 0):
            continue  # removed already
        if current is None or current.job_id != job_id or len(current.product_ids) >= BATCH:
            current = removal(job_id=job_id, line=line, last_line=line, product_ids=[])
            batches.append(current)
        current.product_ids.append(product_id)
        current.last_line = line
    old.delete()
    removal.objects.bulk_create(batches)


class Migration(migrations.Migration):
    dependencies = [("imports", "0010_direct_upload")]

    operations = [
        migrations.AddField(model_name="importremoval", name="last_line",
                            field=models.BigIntegerField(null=True)),
        migrations.AddField(model_name="importremoval", name="product_ids",
                            field=models.JSONField(null=True)),
        migrations.AlterField(model_name="importremoval", name="product_id",
                              field=models.BigIntegerField(null=True)),
        migrations.RunPython(to_batches, migrations.RunPython.noop),
        migrations.RemoveField(model_name="importremoval", name="product_id"),
        migrations.AlterField(model_name="importremoval", name="last_line",
                              field=models.BigIntegerField()),
        migrations.AlterField(model_name="importremoval", name="product_ids",
                              field=models.JSONField(default=list)),
    ]
