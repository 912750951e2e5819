"""`kuntakokeilu reevaluate_target_group --on 2023-03-01 [--now]`: every registrant evaluated again on the
day an amendment widening the target group entered into force (R-TG-2, R-TG-4; issue 14). Queued on the
project's job queue (the worker runs it; `/jobs/` shows it); `--now` runs it here and prints the summary.
A re-run changes nothing."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from kuntakokeilu.customers import reevaluation


class Command(BaseCommand):
    help = (
        "Evaluate every registered job seeker again on the day an amendment widening the target group "
        "entered into force (target_group.widening_amendment); those now in the group go on the TE "
        "office's 7-day worklist."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--on", required=True, help="the day the amendment entered into force, YYYY-MM-DD"
        )
        parser.add_argument("--now", action="store_true", help="run here instead of on the job queue")
        parser.add_argument("--lang", choices=["fi", "sv", "en"], default="en", help="language of messages")

    def handle(self, *args, on, now, lang, **options):
        with translation.override(lang):
            try:
                day = dt.date.fromisoformat(on)
            except ValueError:
                raise CommandError(_("Give the date as YYYY-MM-DD.")) from None
            try:
                if not now:
                    amendment = reevaluation.submit(day)
                    self.stdout.write(
                        _("Queued the re-evaluation of %(on)s (Act %(amendment)s); the worker runs it.")
                        % {"on": day.isoformat(), "amendment": amendment}
                    )
                    return
                summary = reevaluation.reevaluate(
                    day, progress=lambda done, total: self.stdout.write(f"… {done}/{total}")
                )
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages)) from None
            self.stdout.write(
                _(
                    "Re-evaluated %(evaluated)s job seekers on %(on)s (Act %(amendment)s): %(listed)s listed "
                    "for transfer, %(already)s listed before."
                )
                % {
                    "evaluated": summary.evaluated,
                    "on": day.isoformat(),
                    "amendment": summary.amendment,
                    "listed": summary.listed,
                    "already": summary.already,
                }
            )
