"""`kuntakokeilu monitoring_recompute [--until 2022-08-31] [--now]`: every month of the pilot from March 2021
to the month of `--until` (today if omitted) computed again for every trial area (issue 19). Queued on the
project's job queue (the worker runs it with its progress; `/jobs/` shows it); `--now` runs it here. An
approved month is not changed (a correction is a new version); a re-run with the same records changes
nothing."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from kuntakokeilu import clock
from kuntakokeilu.monitoring import services


class Command(BaseCommand):
    help = "Recompute every month of monitoring up to a date, on the job queue (or here with --now)."

    def add_arguments(self, parser):
        parser.add_argument("--until", help="the last month's day, YYYY-MM-DD (default: today)")
        parser.add_argument("--now", action="store_true", help="run here instead of on the job queue")

    def handle(self, *args, until, now, **options):
        try:
            day = dt.date.fromisoformat(until) if until else clock.today()
        except ValueError:
            raise CommandError("Give the date as YYYY-MM-DD.") from None
        months = services.pilot_months(day)
        if not months:
            raise CommandError("The pilot had not begun by that date (its first month is March 2021).")
        if now:
            for month in months:
                services.compute_month(month)
                self.stdout.write(f"{month:%Y-%m} computed")
            return
        with transaction.atomic():
            services.start_recompute_all(day)
        self.stdout.write(f"Queued the recompute of {len(months)} months; the worker runs it.")
