"""`kuntakokeilu import DIR [--lang fi|sv|en]` (R-INT-2): everything or nothing; every error on stderr as
file:line: field: message, in the chosen language; exit 1 when nothing was imported."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kuntakokeilu.exchange import services


class Command(BaseCommand):
    help = "Import an export directory of the exchange formats: every record checked, all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument("--lang", default="fi", choices=["fi", "sv", "en"])

    def handle(self, *args, **options):
        directory = Path(options["directory"])
        if not directory.is_dir():
            raise CommandError(f"not a directory: {directory}")
        result = services.import_from(directory)
        if result.errors:
            for error in result.errors:
                where = f"{error.file}:{error.line}" if error.line else error.file
                field = f" {error.field}:" if error.field else ""
                self.stderr.write(f"{where}:{field} {services.render(error, options['lang'])}")
            raise CommandError(f"{len(result.errors)} errors; nothing was imported", returncode=1)
        for name, count in result.counts.items():
            self.stdout.write(f"{name}: {count}")
