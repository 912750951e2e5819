"""The open items of a municipality in due order (issue 16 item 8): a partial index for the worklist page
and its counts at 50,000 customers (benchmarks/README.md)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("service_process", "0005_job_applications")]

    operations = [
        migrations.AddIndex(
            model_name="dueitem",
            index=models.Index(
                condition=models.Q(("cancelled_on__isnull", True), ("done_on__isnull", True)),
                fields=["handler_municipality", "due_by"],
                name="sp_dueitem_open_handler_due",
            ),
        ),
    ]
