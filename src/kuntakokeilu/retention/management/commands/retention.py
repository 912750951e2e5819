"""Anonymise the data of ended customerships past the retention period (R-X-4; issue 20 item 3):
`kuntakokeilu retention [--on DATE] [--dry-run] [--queue]`. Without `--queue` the run is made at once in this
process (logged as a `RetentionRun` like one from the page); with it, it is queued for the worker. A dry run
counts and changes nothing. A re-run anonymises no one new."""

from django.core.management.base import BaseCommand, CommandError

from kuntakokeilu import clock
from kuntakokeilu.retention import services
from kuntakokeilu.retention.models import RetentionRun, Status
from kuntakokeilu.rules.overlay import OverlayError, parse_date


class Command(BaseCommand):
    help = "Anonymise in place the persons whose customerships ended more than the retention period ago."

    def add_arguments(self, parser):
        parser.add_argument("--on", help="the run date YYYY-MM-DD (default: today)")
        parser.add_argument("--dry-run", action="store_true", help="count only, change nothing")
        parser.add_argument("--queue", action="store_true", help="queue the run for the worker instead")

    def handle(self, *args, **options):
        try:
            on = parse_date(options["on"]) if options["on"] else clock.today()
        except OverlayError as exc:
            raise CommandError(exc.render("en")) from exc
        if options["queue"]:
            run = services.submit(on, options["dry_run"])
            self.stdout.write(f"Retention run {run.pk} on {on.isoformat()} queued.")
            return
        run = services.create(on, options["dry_run"])
        services.execute(run.pk)
        run = RetentionRun.objects.get(pk=run.pk)
        if run.status != Status.DONE:
            raise CommandError(f"Retention run {run.pk} failed: {run.error}")
        what = "dry run: would anonymise" if run.dry_run else "anonymised"
        self.stdout.write(
            f"Retention run {run.pk} on {on.isoformat()} (period {run.period_months} months): "
            f"{run.examined} examined, {run.due} due, {what} {run.due if run.dry_run else run.anonymised}, "
            f"{run.kept} kept."
        )
        for table, count in sorted(run.cleared.items()):
            self.stdout.write(f"  {table}: {count}")
