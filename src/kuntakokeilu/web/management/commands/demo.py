"""`kuntakokeilu demo`: the reference data and every app's demo data (settings.DEMO_STEPS), idempotent.

The demo creates users with a printed password, so it refuses to run against what may be a production
database: with `DEBUG` off it needs `--i-know-this-is-not-production` (R-X-1). It never changes the
password of an account that exists already.
"""

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from kuntakokeilu import clock

REFUSAL = (
    "The demo creates users with a published password and is for development only. DEBUG is off, so this "
    "may be a production database: nothing was changed. Run it with DEBUG=1, or add "
    "--i-know-this-is-not-production if this database is a test or demo one."
)


class Command(BaseCommand):
    help = "Load the reference data and the demo data of every app (idempotent); print the demo users."

    def add_arguments(self, parser):
        parser.add_argument(
            "--i-know-this-is-not-production",
            action="store_true",
            dest="not_production",
            help="Run although DEBUG is off (a test or demo database, never a production one).",
        )

    def handle(self, *args, not_production: bool = False, **options):
        if not settings.DEBUG and not not_production:
            raise CommandError(REFUSAL)
        today = clock.today()
        for module_name in settings.DEMO_STEPS:
            module = importlib.import_module(module_name)
            for line in module.run(today):
                self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Demo ready."))
