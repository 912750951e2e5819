"""`kuntakokeilu verify_access_log [--head DIGEST]`: recompute the access log's hash chain from its rows.
Exit 0 when it holds (and, given `--head`, ends at or passes through that anchor), 1 when it does not."""

import sys
from dataclasses import replace

from django.core.management.base import BaseCommand

from kuntakokeilu.access.models import AccessLogSeal
from kuntakokeilu.access.seals import verify


class Command(BaseCommand):
    help = "Verify the access log against its hash chain."

    def add_arguments(self, parser):
        parser.add_argument("--head", help="a digest kept outside the database: the chain must contain it")

    def handle(self, *args, head=None, **options):
        verdict = verify()
        if verdict.ok and head and not AccessLogSeal.objects.filter(digest=head).exists():
            verdict = replace(verdict, broken="the anchor is missing")
        summary = (
            f"{verdict.seals} seals over {verdict.entries} entries, {verdict.unsealed} not sealed yet; "
            f"head {verdict.head}"
        )
        if verdict.ok:
            self.stdout.write(f"The access log holds: {summary}")
            return
        self.stderr.write(f"The access log does not hold: {verdict.broken} ({summary})")
        sys.exit(1)
