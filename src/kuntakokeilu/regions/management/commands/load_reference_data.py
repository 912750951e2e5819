from django.core.management.base import BaseCommand, CommandError

from kuntakokeilu.regions.services import ReferenceDataError, load_reference_data


class Command(BaseCommand):
    help = "Load municipalities, regions, population, ELY centres, TE offices and trial areas (idempotent)."

    def handle(self, *args, **options):
        try:
            report = load_reference_data()
        except ReferenceDataError as exc:
            raise CommandError(f"Reference data not loaded, nothing changed: {exc}") from exc
        for line in report.lines():
            self.stdout.write(line)
        if report.changed:
            self.stdout.write(self.style.SUCCESS("Reference data loaded."))
        else:
            self.stdout.write(self.style.SUCCESS("No change: the reference data were already up to date."))
