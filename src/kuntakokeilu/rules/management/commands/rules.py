import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from kuntakokeilu import clock
from kuntakokeilu.rules import console
from kuntakokeilu.rules.registry import all_rules, get_rule
from kuntakokeilu.rules.schema import parse_date


class Command(BaseCommand):
    help = "The rules console: list the rules, or run one on a JSON file of items."

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

    def handle(self, *args, **options):
        if options["action"] == "list":
            for rule in all_rules():
                self.stdout.write(console.describe(rule))
            return
        try:
            self.stdout.write(self._run(options), ending="\n")
        except console.ConsoleError as exc:
            raise CommandError(str(exc), returncode=2) from None

    def _run(self, options) -> str:
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
            results = console.run_items(rule, console.parse_items(text), default_on)
        if options["format"] == "text":
            return console.as_text(results, options["lang"])
        return console.as_json(results)
