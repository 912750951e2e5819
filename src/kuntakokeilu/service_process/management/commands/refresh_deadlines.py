"""`kuntakokeilu refresh_deadlines --on 2023-01-31 [--now]`: every customer's deadlines on the worklists
brought in line with the rule on the day (the month's close, or a nightly run; R-SP-2). Queued on the
project's job queue (the worker runs it; `/jobs/` shows it); `--now` runs it here and prints the summary.
A re-run changes nothing."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from kuntakokeilu.service_process import batch


class Command(BaseCommand):
    help = (
        "Refresh every customer's deadlines on the worklists on a day (the month's close or a nightly run): "
        "items met are done, moved ones are no longer due, new ones are written."
    )

    def add_arguments(self, parser):
        parser.add_argument("--on", required=True, help="the day, YYYY-MM-DD")
        parser.add_argument("--now", action="store_true", help="run here instead of on the job queue")
        parser.add_argument("--lang", choices=["fi", "sv", "en"], default="en", help="language of messages")

    def handle(self, *args, on, now, lang, **options):
        with translation.override(lang):
            try:
                day = dt.date.fromisoformat(on)
            except ValueError:
                raise CommandError(_("Give the date as YYYY-MM-DD.")) from None
            if not now:
                batch.submit(day)
                self.stdout.write(
                    _("Queued the refresh of the deadlines on %(on)s; the worker runs it.") % {"on": on}
                )
                return
            summary = batch.refresh_all(
                day, progress=lambda done, total: self.stdout.write(f"… {done}/{total}")
            )
            self.stdout.write(
                _(
                    "Refreshed the deadlines of %(persons)s customers on %(on)s: %(created)s new, %(done)s "
                    "done, %(cancelled)s no longer due."
                )
                % {
                    "persons": summary.persons,
                    "on": day.isoformat(),
                    "created": summary.created,
                    "done": summary.done,
                    "cancelled": summary.cancelled,
                }
            )
