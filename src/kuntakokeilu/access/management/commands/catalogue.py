"""`kuntakokeilu catalogue [--lang fi|sv|en]`: every action with the roles that may take it."""

from django.core.management.base import BaseCommand
from django.utils import translation

from kuntakokeilu.access.catalogue import as_text, entries


class Command(BaseCommand):
    help = "Print the action catalogue: every action with the roles that may take it."

    def add_arguments(self, parser):
        parser.add_argument("--lang", choices=["fi", "sv", "en"], default="en")

    def handle(self, *args, lang: str, **options):
        with translation.override(lang):
            self.stdout.write(as_text(entries()))
