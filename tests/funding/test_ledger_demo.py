"""`check_ledger` holds on the demo (issue 18 item 4; R-RES-2): every demo step (settings.DEMO_STEPS) on the
demo's date, as `make run` loads it, with the Kainuu year of decisions; the demo's accepted decisions are
committed to their areas' quotas."""

import datetime as dt
import importlib
import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from kuntakokeilu.decisions.models import Decision, Kind, Status
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
    accepted = accepted.exclude(kind=Kind.CANCELLATION)  # an accepted cancellation commits nothing
    assert accepted.count() >= 3  # Kajaani's wage subsidy and start-up grant, Porvoo's wage subsidy
    committed = {(a.trial_area.number, a.instrument): a.committed for a in Account.objects.filter(year=2022)}
    for instrument, benefits in (
        ("wage_subsidy", ("wage-subsidy", "employment-support-55")),
        ("start_up_grant", ("start-up-grant",)),
    ):  # Kainuu's area 7: the decisions demo's and the Kainuu year's accepted decisions, to the cent
        kainuu = accepted.filter(
            municipality__trial_memberships__trial_area__number=7, instrument__in=benefits
        )
        assert kainuu.exists()
        assert committed[(7, instrument)] == sum(d.amount for d in kainuu) > Decimal("0")
    assert sum(committed.values()) == sum(d.amount for d in accepted)
