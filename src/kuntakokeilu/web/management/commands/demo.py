import importlib

from django.conf import settings
from django.core.management.base import BaseCommand

from kuntakokeilu import clock


class Command(BaseCommand):
    help = "Load the reference data and the demo data of every app (idempotent); print the demo users."

    def handle(self, *args, **options):
        today = clock.today()
        for module_name in settings.DEMO_STEPS:
            module = importlib.import_module(module_name)
            for line in module.run(today):
                self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("Demo ready."))
