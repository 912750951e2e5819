import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from kuntakokeilu import clock
from kuntakokeilu.rules import console, contract
from kuntakokeilu.rules.registry import all_rules, get_rule
from kuntakokeilu.rules.schema import parse_date


class Command(BaseCommand):
    help = (
        "The rules console: list the rules, run one on a JSON file of items, or check its output's contract."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, parser_class=type(parser))
        sub.add_parser(
            "list", help="each rule's name, version and input fields", called_from_command_line=True
        )
        run = sub.add_parser("run", help="run a rule on a JSON array of items", called_from_command_line=True)
        run.add_argument("name", help="the rule's name, e.g. municipality-on-date")
        run.add_argument("--input", required=True, help="a JSON file, or - for standard input")
        run.add_argument(
            "--on", help="date of evaluation YYYY-MM-DD for items without their own (default today)"
        )
        run.add_argument("--format", choices=["json", "text"], default="json")
        run.add_argument("--lang", choices=["fi", "sv", "en"], default="fi")
        check = sub.add_parser(
            "check",
            help="run a rule as `run --format json` does and print every breach of the console's contract",
            called_from_command_line=True,
        )
        check.add_argument("name", help="the rule's name, e.g. municipality-on-date")
        check.add_argument("--input", required=True, help="a JSON file, or - for standard input")
        check.add_argument("--on", help="date of evaluation YYYY-MM-DD for items without their own")

    def handle(self, *args, **options):
        if options["action"] == "list":
            for rule in all_rules():
                self.stdout.write(console.describe(rule))
            return
        try:
            if options["action"] == "check":
                self._check(options)
                return
            self.stdout.write(self._run(options), ending="\n")
        except console.ConsoleError as exc:
            raise CommandError(str(exc), returncode=2) from None

    def _check(self, options) -> None:
        """Print every breach of the contract and a summary line; exit 1 when there is a breach."""
        items, results = self._results(options)
        found = contract.breaches_in_text(items, console.as_json(results), options["name"])
        for breach in found:
            self.stdout.write(breach)
        self.stdout.write(contract.summary(options["name"], found, len(items)))
        if found:
            raise CommandError(f"the output of {options['name']} breaks the console's contract", returncode=1)

    def _run(self, options) -> str:
        _items, results = self._results(options)
        if options["format"] == "text":
            return console.as_text(results, options["lang"], get_rule(options["name"]))
        return console.as_json(results)

    def _results(self, options) -> tuple[list, list]:
        """The input items and the rule's (id, outcome) for each, as `run` computes them."""
        try:
            rule = get_rule(options["name"])
        except LookupError as exc:
            raise console.ConsoleError(str(exc)) from None
        default_on = clock.today()
        if options["on"]:
            try:
                default_on = parse_date(options["on"])
            except ValueError as exc:
                raise console.ConsoleError(f"--on {exc}") from None
        path = options["input"]
        try:
            text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise console.ConsoleError(f"cannot read {path}: {exc}") from None
        with translation.override(
            "en"
        ):  # input errors on stderr are in English, like the rest of the console's
            items = console.parse_items(text)
            results = console.run_items(rule, items, default_on)
        return items, results
