"""`kuntakokeilu generate_jobseekers --persons N [--seed S]`: a synthetic Finland of N job seekers
(customers/synthetic.py), in one transaction, with periodic counts."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kuntakokeilu.customers.synthetic import generate


class Command(BaseCommand):
    help = (
        "Create N synthetic job seekers over the municipalities in proportion to the unemployed job seekers "
        "of February 2021 (temporary identity codes 900-999); the same seed gives the same people."
    )

    def add_arguments(self, parser):
        parser.add_argument("--persons", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, persons, seed, **options):
        if persons < 1:
            raise CommandError(_("Give a positive number of persons."))
        started = time.perf_counter()
        created = generate(persons, seed, progress=lambda n: self.stdout.write(f"… {n}"))
        self.stdout.write(
            _("Created %(created)s synthetic job seekers of %(asked)s (seed %(seed)s) in %(seconds).1f s.")
            % {"created": created, "asked": persons, "seed": seed, "seconds": time.perf_counter() - started}
        )
