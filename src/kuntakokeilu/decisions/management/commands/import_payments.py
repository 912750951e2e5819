"""`kuntakokeilu import_payments FILE`: the payments of benefit decisions from CSV (diary_number,
payment_date, amount_eur, payment_reference), all or nothing (R-RES-2; issue 18 item 4)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kuntakokeilu import clock
from kuntakokeilu.decisions import ledger
from kuntakokeilu.funding.services import ImportRefused


class Command(BaseCommand):
    help = "Import payments of benefit decisions from a CSV file (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}") from None
        try:
            count = ledger.import_payments(None, data=data, today=clock.today())
        except ImportRefused as exc:
            for line in exc.errors:
                self.stderr.write(f"- {line}")
            raise CommandError(f"Nothing was imported: {len(exc.errors)} error(s).") from None
        self.stdout.write(f"Payments recorded: {count}.")
