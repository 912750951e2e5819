"""`kuntakokeilu export --types persons,facts,… --out DIR [--as-of DATE] [--csv]` (R-INT-1)."""

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kuntakokeilu import clock
from kuntakokeilu.exchange import schemas, services


class Command(BaseCommand):
    help = "Export job seekers' records in the exchange formats: JSON Lines files and their manifest."

    def add_arguments(self, parser):
        parser.add_argument("--types", default=",".join(schemas.TYPES), help="record types, comma-separated")
        parser.add_argument("--out", required=True, help="the directory to write")
        parser.add_argument("--as-of", help="the export's date in the manifest (ISO; default today)")
        parser.add_argument("--csv", action="store_true", help="also write the flat types as CSV")

    def handle(self, *args, **options):
        types = [t.strip() for t in options["types"].split(",") if t.strip()]
        unknown = sorted(set(types) - set(schemas.TYPES))
        if unknown or not types:
            raise CommandError(
                f"unknown record types: {', '.join(unknown)}; known: {', '.join(schemas.TYPES)}"
            )
        try:
            on = dt.date.fromisoformat(options["as_of"]) if options["as_of"] else clock.today()
        except ValueError:
            raise CommandError(f"--as-of: not a date: {options['as_of']}") from None
        manifest = services.export_to(Path(options["out"]), types, on, with_csv=options["csv"])
        services.log_handover(None, Path(options["out"]), manifest, "exchange:export-command")
        for entry in manifest["files"]:
            self.stdout.write(f"{entry['file']}: {entry['count']} ({entry['type']} v{entry['version']})")
