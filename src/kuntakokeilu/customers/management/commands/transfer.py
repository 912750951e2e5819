"""`kuntakokeilu transfer initial --on 2021-03-01`: the initial transfer (R-TG-3; L1269 s. 24) as one
batch, with periodic counts and a summary per trial area. `kuntakokeilu transfer exceptions FILE.csv
[--lang fi|sv]` imports, before it, the persons the TE office keeps (issue 14 item 2; s. 5 mom 3/5)."""

import datetime as dt
import time

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from kuntakokeilu.customers.labels import KEPT_REASONS
from kuntakokeilu.customers.models import KeepReason
from kuntakokeilu.customers.transfers import OUTSIDE, check_date, initial


class Command(BaseCommand):
    help = (
        "Customer transfers: `initial --on DATE` moves everyone registered by 28.2.2021 whom the rule sends; "
        "`pilot-end --on DATE` passes the trial municipalities' customers to the employment areas (from "
        "1.1.2025; before it, to the TE offices)."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True)
        first = sub.add_parser("initial", help="the initial transfer at the pilot's start")
        first.add_argument("--on", required=True, help="the transfer date, YYYY-MM-DD")
        # --- the exception list (issue 14 item 2), imported before `initial` ---
        kept = sub.add_parser("exceptions", help="import the persons the TE office keeps from the batch")
        kept.add_argument("file", help="CSV file: henkilotunnus, keep_reason, keep_text")
        kept.add_argument("--lang", default="fi", choices=["fi", "sv", "en"], help="language of the messages")
        # --- pilot end (R-TG-6) ---
        end = sub.add_parser("pilot-end", help="the customers' return to the TE offices at the pilot's end")
        end.add_argument("--on", required=True, help="the day after the pilot's end, YYYY-MM-DD")

    def handle(self, *args, what, on=None, **options):
        if what == "exceptions":
            with translation.override(options["lang"]):
                return self.exceptions(options["file"])
        try:
            day = dt.date.fromisoformat(on)
        except ValueError:
            raise CommandError(_("Give the date as YYYY-MM-DD."), returncode=2) from None
        if what == "pilot-end":
            return self.pilot_end(day)
        try:
            warnings = check_date(day)  # R-X-3, L1269 s. 24: the domain's check; refused: exit 2
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages), returncode=2) from None
        for warning in warnings:
            self.stderr.write(warning)
        started = time.perf_counter()
        summary = initial(day, progress=lambda done, total: self.stdout.write(f"… {done}/{total}"))
        out = self.stdout.write
        labels = {**KEPT_REASONS, **dict(KeepReason.choices)}  # the exception list's reasons too
        for area in sorted(summary.areas, key=lambda a: (a is OUTSIDE, a or 0)):
            counts = summary.areas[area]
            reasons = ", ".join(f"{labels.get(code, code)} {n}" for code, n in sorted(counts.kept.items()))
            label = _("outside the trial areas") if area is OUTSIDE else _("trial area %(no)s") % {"no": area}
            out(
                _("%(area)s: transferred %(transferred)s; kept by the TE office %(kept)s (%(reasons)s)")
                % {
                    "area": label,
                    "transferred": counts.transferred,
                    "kept": sum(counts.kept.values()),
                    "reasons": reasons or "-",
                }
            )
        out(
            _("Transferred %(n)s persons in %(seconds).1f s; %(already)s already had a customership.")
            % {"n": summary.transferred, "seconds": time.perf_counter() - started, "already": summary.already}
        )

    # --- the exception list (issue 14 item 2; L1269 s. 5 mom 3/5) ---
    def exceptions(self, path):
        from kuntakokeilu.customers.exceptions import import_exceptions
        from kuntakokeilu.customers.importer import ImportRejected

        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise CommandError(
                _("Cannot read %(file)s: %(reason)s") % {"file": path, "reason": exc.strerror}
            ) from None
        try:
            report = import_exceptions(data, source=path)
        except ImportRejected as rejected:
            for error in rejected.errors:
                self.stderr.write(str(error))
            raise CommandError(
                _("Nothing was imported: %(count)s error(s) in %(file)s.")
                % {"count": len(rejected.errors), "file": path},
                returncode=1,
            ) from None
        self.stdout.write(report.summary(path))

    # --- pilot end (R-TG-6; L1269 s. 25 as amended by L421/2021) ---
    def pilot_end(self, day):
        from kuntakokeilu.customers.pilot_end import return_customers

        started = time.perf_counter()
        try:
            summary = return_customers(
                day, progress=lambda done, total: self.stdout.write(f"… {done}/{total}")
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages), returncode=2) from None
        areas = summary.to_employment_areas  # from 1.1.2025 (Act 380/2023): the employment areas
        for area in sorted(summary.areas):
            offices = summary.areas[area]
            line = (
                _("trial area %(no)s: passed %(n)s to the employment areas (%(offices)s)")
                if areas
                else _("trial area %(no)s: returned %(n)s to the TE office (%(offices)s)")
            )
            self.stdout.write(
                line
                % {
                    "no": area,
                    "n": sum(offices.values()),
                    "offices": ", ".join(f"{code} {n}" for code, n in sorted(offices.items())),
                }
            )
        total = (
            _("Passed %(n)s customers to the employment areas on %(on)s in %(seconds).1f s.")
            if areas
            else _("Returned %(n)s customers to the TE offices on %(on)s in %(seconds).1f s.")
        )
        self.stdout.write(
            total % {"n": summary.returned, "on": day.isoformat(), "seconds": time.perf_counter() - started}
        )
