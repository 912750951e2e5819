"""`kuntakokeilu seal_access_log`: seal the access-log entries older than the margin (run it from cron,
e.g. every 10 minutes); prints the newest digest, the anchor to keep outside the database."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from kuntakokeilu.access.seals import seal


class Command(BaseCommand):
    help = "Seal the access log's entries into its hash chain."

    def handle(self, *args, **options):
        row = seal(timezone.now())
        if row is None:
            self.stdout.write("Nothing to seal.")
        else:
            self.stdout.write(f"Sealed {row.count} entries ({row.after + 1}–{row.upto}); head {row.digest}")
