from django.core.management.base import BaseCommand, CommandError

from kuntakokeilu.applications.rounds import RoundDataError, load_rounds


class Command(BaseCommand):
    help = "Load the application rounds main-2019 and supplementary-2020 and their outcomes (idempotent)."

    def handle(self, *args, **options):
        try:
            report = load_rounds()
        except RoundDataError as exc:
            raise CommandError(f"Rounds not loaded, nothing changed: {exc}") from exc
        for line in report.lines:
            self.stdout.write(line)
        if report.changed:
            self.stdout.write(self.style.SUCCESS("Application rounds loaded."))
        else:
            self.stdout.write(
                self.style.SUCCESS("No change: the application rounds were already up to date.")
            )
