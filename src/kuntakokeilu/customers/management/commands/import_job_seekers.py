from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from kuntakokeilu.customers.importer import ImportRejected, import_job_seekers


class Command(BaseCommand):
    help = (
        "Import job seekers and their dated facts from a CSV file (docs/formats/job_seekers.md); "
        "all rows or none; a re-import of the same file changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the CSV file")
        parser.add_argument(
            "--lang", choices=["fi", "sv", "en"], default="fi", help="language of the messages"
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        with translation.override(options["lang"]):
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise CommandError(
                    _("Cannot read %(file)s: %(reason)s") % {"file": path, "reason": exc.strerror}
                ) from None
            try:
                report = import_job_seekers(data, source=path.name)
            except ImportRejected as exc:
                for error in exc.errors:
                    self.stderr.write(str(error))
                raise CommandError(
                    _("Nothing was imported: %(count)s error(s) in %(file)s.")
                    % {"count": len(exc.errors), "file": path}
                ) from None
            self.stdout.write(report.summary(path.name))
