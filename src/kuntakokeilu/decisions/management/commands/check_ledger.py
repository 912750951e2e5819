"""`kuntakokeilu check_ledger`: the ledger equals the decisions (R-RES-2; issue 18 item 4) — account totals
equal their entries, an accepted decision in force commits its cost split by year, a cancelled or corrected
one nets to zero, paid ≤ committed, no account over its quota. Exit status 1 with a report when broken."""

from django.core.management.base import BaseCommand, CommandError

from kuntakokeilu.decisions import ledger
from kuntakokeilu.funding.models import Account, LedgerEntry


class Command(BaseCommand):
    help = "Check that the quota ledger equals the benefit decisions (exit status 1 when it does not)."

    def handle(self, *args, **options):
        found = ledger.problems()
        if found:
            for line in found:
                self.stderr.write(f"- {line}")
            raise CommandError(f"The ledger does not hold: {len(found)} problem(s).")
        self.stdout.write(
            f"The ledger holds: {Account.objects.count()} accounts, {LedgerEntry.objects.count()} entries."
        )
