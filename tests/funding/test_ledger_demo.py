"""`check_ledger` holds on the demo (issue 18 item 4; R-RES-2): every demo step (settings.DEMO_STEPS) on the
demo's date, as `make run` loads it; the demo's accepted decisions are committed to their areas' quotas."""

import datetime as dt
import importlib
import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from kuntakokeilu.decisions.models import Decision, Status
from kuntakokeilu.funding.models import Account

pytestmark = pytest.mark.django_db
DEMO_TODAY = dt.date(2022, 9, 1)  # the Makefile's DEMO_TODAY


def test_the_ledger_holds_on_the_demo(settings):
    settings.KUNTAKOKEILU_TODAY = DEMO_TODAY.isoformat()
    for _round in range(2):  # idempotent: a second run commits nothing twice
        for module_name in settings.DEMO_STEPS:
            for _line in importlib.import_module(module_name).run(DEMO_TODAY):
                pass
    out = io.StringIO()
    call_command("check_ledger", stdout=out)
    assert "The ledger holds" in out.getvalue()
    accepted = Decision.objects.filter(status=Status.ACCEPTED).exclude(instrument="work-trial")
    assert accepted.count() >= 3  # Kajaani's wage subsidy and start-up grant, Porvoo's wage subsidy
    committed = {(a.trial_area.number, a.instrument): a.committed for a in Account.objects.filter(year=2022)}
    assert committed[(7, "wage_subsidy")] == Decimal("9600.00")
    assert committed[(7, "start_up_grant")] == Decimal("4200.00")
    assert sum(committed.values()) == sum(d.amount for d in accepted)
