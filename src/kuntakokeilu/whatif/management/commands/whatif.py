"""A policy what-if (issue 13) run at once, stored like one from the page, and written to DIR as CSV files
(`--format csv`, the default) or one Excel workbook `whatif.xlsx` with a sheet per table (`--format xlsx`):
`kuntakokeilu whatif --rule target-group --on 2022-09-01 --set target_group.age_limit=25 --out DIR`, or
`kuntakokeilu whatif --rule application-screening --round main-2019 --set selection.min_population=20000
--out DIR`."""

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from kuntakokeilu import clock
from kuntakokeilu.rules.overlay import OverlayError, parse_date
from kuntakokeilu.whatif import export, queries, services
from kuntakokeilu.whatif.models import Status, WhatIf


class Command(BaseCommand):
    help = "Count the target group under the law and under edited parameters, side by side (CSV in --out)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--rule", default="target-group", help="the rule: target-group, or application-screening"
        )
        parser.add_argument("--round", default="", help="application-screening: the round's code")
        parser.add_argument("--on", help="the snapshot date YYYY-MM-DD (default: today)")
        parser.add_argument("--until", help="also each month-end after --on up to this date")
        parser.add_argument(
            "--set",
            action="append",
            default=[],
            dest="edits",
            metavar="NAME=VALUE[@FROM]",
            help="a parameter edit, from the date after @ (default: its first day); repeatable",
        )
        parser.add_argument("--name", default="", help="the what-if's name (default: the edits)")
        parser.add_argument("--out", type=Path, required=True, help="output directory")
        parser.add_argument(
            "--format",
            choices=["csv", "xlsx"],
            default="csv",
            help="CSV files, one per table (default), or one Excel workbook whatif.xlsx, a sheet per table",
        )
        parser.add_argument("--lang", choices=["fi", "sv", "en"], default="en", help="language of errors")

    def handle(self, *args, **options):
        lang = options["lang"]
        screening = options["rule"] == services.SCREENING
        try:
            if screening:
                dates = [services.screening_round(options["round"]).opens]
            else:
                on = parse_date(options["on"]) if options["on"] else clock.today()
                dates = queries.month_ends(on, parse_date(options["until"])) if options["until"] else [on]
            edits = [services.parse_edit(text) for text in options["edits"]]
            dates, edits = services.prepare(options["rule"], dates, edits)
        except OverlayError as exc:
            raise CommandError(exc.render(lang)) from exc
        name = options["name"] or "; ".join(options["edits"]) or "the law"
        round_code = options["round"] if screening else ""
        whatif = services.create(name[:100], options["rule"], dates, edits, None, lang, round_code)
        started = dt.datetime.now()
        services.execute(whatif.pk)
        whatif = WhatIf.objects.get(pk=whatif.pk)
        if whatif.status != Status.DONE:
            raise CommandError(whatif.error)
        out: Path = options["out"]
        out.mkdir(parents=True, exist_ok=True)
        seconds = (dt.datetime.now() - started).total_seconds()
        written = self._write(whatif.results, out, options["format"])
        if screening:
            rows = whatif.results["applications"]
            changed = sum(row["changes"] for row in rows)
            self.stdout.write(
                f"What-if #{whatif.pk} in {seconds:.1f} s: {len(rows)} applications of {round_code} "
                f"screened, {changed} screened otherwise under the edits; wrote {out}: {written}"
            )
            return
        for snapshot in whatif.results["snapshots"]:
            law = sum(snapshot["law"]["areas_in"].values())
            alt = sum(snapshot["whatif"]["areas_in"].values())
            self.stdout.write(
                f"{snapshot['on']}: {snapshot['persons']} persons; in the target group {law} under the law, "
                f"{alt} under the edits ({sum(snapshot['joins'].values())} join, "
                f"{sum(snapshot['leaves'].values())} leave)"
            )
        self.stdout.write(f"What-if #{whatif.pk} in {seconds:.1f} s; wrote {out}: {written}")

    @staticmethod
    def _write(results: dict, out: Path, format: str) -> str:
        """The tables in `out` as the format asks (exact counts: the operators' output); what was written."""
        kinds = export.kinds_of(results)
        if format == "xlsx":
            (out / "whatif.xlsx").write_bytes(export.workbook(results, kinds))
            return f"whatif.xlsx ({', '.join(kinds)})"
        for kind in kinds:
            (out / f"{kind}.csv").write_text(export.table(results, kind), encoding="utf-8")
        return ", ".join(f"{kind}.csv" for kind in kinds)
