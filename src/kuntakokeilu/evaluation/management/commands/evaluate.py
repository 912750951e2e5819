"""`kuntakokeilu evaluate [--spec FILE] --out DIR`: run an evaluation specification (R-EVAL-1, R-EVAL-3)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from kuntakokeilu.evaluation import panel, report, runner, spec


class Command(BaseCommand):
    help = "Run the impact evaluation: results.json, report.html, report.pdf and event-study plots in --out."

    def add_arguments(self, parser):
        parser.add_argument("--spec", type=Path, default=spec.DEFAULT_SPEC, help="specification file (YAML)")
        parser.add_argument("--out", type=Path, required=True, help="output directory")
        parser.add_argument(
            "--lang",
            choices=["fi", "sv", "en"],
            default="en",
            help="language of the report and of the error messages",
        )

    def handle(self, *args, **options):
        try:
            with translation.override(options["lang"]):
                specification = spec.load(options["spec"])
            runner.check_data_file()
        except spec.SpecError as exc:
            with translation.override(options["lang"]):
                raise CommandError(str(exc)) from exc
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        reference = panel.reference_from_database()
        if not reference:
            raise CommandError("no reference data: run `kuntakokeilu load_reference_data` first")
        results = runner.run(
            specification,
            panel.read_statistics(),
            reference,
            progress=lambda step, percent: self.stdout.write(f"{percent:3d} % {step}"),
        )
        report.write_all(results, options["out"], lang=options["lang"])
        self.stdout.write(
            f"Wrote {options['out']}/results.json, report.html, report.pdf, event_study.png/.svg"
        )
