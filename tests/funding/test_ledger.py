# ruff: noqa: F811 - the fixtures imported from tests/customers are parameters of the tests
"""The quota ledger (issue 18 items 4 and 7; R-RES-2): commitment at acceptance by year, refusal with the
euros left, release on cancellation and correction, payments by import all or nothing, `check_ledger`.
The autouse fixture of tests/funding/conftest.py asserts the invariant after every test here."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

from kuntakokeilu.decisions import ledger as decision_ledger
from kuntakokeilu.decisions import services
from kuntakokeilu.decisions.models import Status
from kuntakokeilu.funding.models import Account, LedgerEntry
from kuntakokeilu.funding.services import ImportRefused, Refused
from tests.customers.conftest import KAJAANI_HETU, demo, demo_customers, user  # noqa: F401
from tests.decisions.factories import WAGE_FACTS
from tests.funding.quotas import give_quotas

pytestmark = pytest.mark.django_db
ON = dt.date(2023, 9, 15)
START, END = dt.date(2023, 10, 1), dt.date(2024, 7, 31)  # 3 months in 2023, 7 in 2024
LATER = dt.date(2023, 12, 31)  # the day payments are imported


@pytest.fixture
def w(demo_customers, user, settings):
    settings.KUNTAKOKEILU_TODAY = ON.isoformat()
    return {
        "jari": demo_customers[KAJAANI_HETU],
        "ville": user("ville.hyvonen"),
        "antti": user("antti.pulkkinen"),
    }


def _draft(
    w, amount="9000.00", start=START, end=END, instrument="wage-subsidy", facts=WAGE_FACTS, percent=50
):
    return services.prepare(
        w["jari"], instrument, facts, Decimal(amount) if amount else None, percent, start, end, w["ville"], ON
    )


def _accounts():
    return {(a.year, a.instrument): (a.committed, a.paid) for a in Account.objects.all()}


def test_acceptance_commits_the_cost_to_each_year_by_its_months(w):
    give_quotas(10_000, areas=[7], instruments=["wage_subsidy"], years=(2023, 2024))
    decision = services.accept(_draft(w), w["antti"], ON)
    assert _accounts() == {
        (2023, "wage_subsidy"): (Decimal("2700.00"), 0),
        (2024, "wage_subsidy"): (Decimal("6300.00"), 0),
    }
    entries = LedgerEntry.objects.filter(decision=decision).order_by("account__year")
    assert [(e.kind, e.amount, e.months, e.booked_on) for e in entries] == [
        ("commitment", Decimal("2700.00"), 3, ON),
        ("commitment", Decimal("6300.00"), 7, ON),
    ]


def test_a_decision_beyond_the_quota_is_refused_with_the_euros_left_and_nothing_changes(w):
    give_quotas(8_000, areas=[7], instruments=["wage_subsidy"], years=(2023, 2024))
    services.accept(_draft(w), w["antti"], ON)
    before, second = _accounts(), _draft(w, amount="3000.00")
    for lang, text in (
        ("fi", "Kiintiö (palkkatuki) vuodelle 2024 ylittyisi: siitä on jäljellä 1\u00a0700,00 €, päätös"),
        ("sv", "1\u00a0700,00 €"),
        ("en", "The quota of wage subsidy for 2024 would be exceeded: 1,700.00 € of it is left"),
    ):
        with translation.override(lang):
            with pytest.raises(services.Refused) as refused:
                services.accept(second, w["antti"], ON)
            assert text in str(refused.value.message)
    second.refresh_from_db()
    assert second.status == Status.DRAFT and not hasattr(second, "letter")
    assert _accounts() == before and LedgerEntry.objects.filter(decision=second).count() == 0


def test_without_a_quota_nothing_can_be_committed_but_a_work_trial_commits_nothing(w):
    give_quotas(8_000, areas=[7], instruments=["wage_subsidy"], years=(2023,))  # none for 2024
    with translation.override("en"):
        with pytest.raises(services.Refused) as refused:
            services.accept(_draft(w), w["antti"], ON)
        assert "has no quota of wage subsidy for 2024" in str(refused.value.message)
    facts = {
        "age": 24,
        "organiser_type": "other",
        "months_in_trials": 0,
        "months_with_organiser": 0,
        "continuous_unemployment_months": None,
    }
    trial = _draft(
        w, amount=None, instrument="work-trial", facts=facts, percent=None, end=dt.date(2024, 1, 31)
    )
    assert services.accept(trial, w["antti"], ON).status == Status.ACCEPTED
    assert LedgerEntry.objects.count() == 0


def test_cancellation_releases_and_a_correction_releases_the_difference_or_must_fit(w):
    give_quotas(8_000, areas=[7], instruments=["wage_subsidy"], years=(2023, 2024))
    first = services.accept(_draft(w), w["antti"], ON)
    shorter = services.correct(
        first, facts=WAGE_FACTS, amount=Decimal("6000.00"), percent=50, start=START,
        end=dt.date(2024, 3, 31), by=w["ville"], on=ON, reason="Lyhennetään",
    )  # fmt: skip
    services.accept(shorter, w["antti"], ON)
    assert _accounts() == {
        (2023, "wage_subsidy"): (Decimal("3000.00"), 0),  # 6 months: 3 + 3
        (2024, "wage_subsidy"): (Decimal("3000.00"), 0),
    }
    longer = services.correct(
        shorter, facts=WAGE_FACTS, amount=Decimal("20000.00"), percent=50, start=START, end=END,
        by=w["ville"], on=ON, reason="Pidennetään",
    )  # fmt: skip
    with pytest.raises(services.Refused):
        services.accept(longer, w["antti"], ON)  # 14 000 in 2024 over the 8 000 quota
    longer.delete()  # the refused draft, so that the cancellation may be prepared and accepted
    cancel = services.cancel(shorter, w["ville"], ON, "Työsuhde ei alkanut")
    services.accept(cancel, w["antti"], ON)
    assert _accounts() == {(2023, "wage_subsidy"): (0, 0), (2024, "wage_subsidy"): (0, 0)}


def _csv(*rows: str) -> bytes:
    return ("diary_number,payment_date,amount_eur,payment_reference\n" + "\n".join(rows) + "\n").encode()


def test_payments_import_all_or_nothing_with_every_error_by_line_and_field(w):
    give_quotas(20_000, areas=[7], instruments=["wage_subsidy"], years=(2023, 2024))
    accepted = services.accept(_draft(w), w["antti"], ON)
    draft = _draft(w, amount="1000.00")
    number = accepted.diary_number
    bad = _csv(
        f"{number},1.10.2023,900.00,MAKSU-1",
        "205/2023/99999,2023-10-01,10,X",
        f"{draft.diary_number},2023-10-01,10,Y",
        f"{number},31.2.2023,10,MAKSU-2",
        f"{number},2023-10-02,-5,MAKSU-3",
        f"{number},2023-10-03,10,MAKSU-1",
        f"{number},2023-10-04,9000,MAKSU-4",
        f"{number},2023-10-05,10,",
    )
    with translation.override("fi"), pytest.raises(ImportRefused) as refused:
        decision_ledger.import_payments(None, data=bad, today=LATER)
    errors = refused.value.errors
    assert errors == [
        "rivi 3, diary_number: alueella ei ole päätöstä 205/2023/99999.",
        f"rivi 4, diary_number: päätös {draft.diary_number} ei ole hyväksytty ja voimassa.",
        "rivi 5, payment_date: 31.2.2023 ei ole päivämäärä (anna se muodossa 31.12.2023 tai 2023-12-31).",
        "rivi 6, amount_eur: -5 ei ole nollaa suurempi määrä euroina ja sentteinä.",
        "rivi 7, payment_reference: päätöksen maksu MAKSU-1 on annettu kahdesti.",
        f"rivi 8, amount_eur: päätöksen {number} maksut ylittäisivät sen sitoumuksen 9\u00a0000,00 € "
        "(jäljellä 1\u00a0800,00 €).",
        "rivi 9, payment_reference: anna maksun viite.",
    ]
    assert LedgerEntry.objects.filter(kind="payment").count() == 0
    with translation.override("sv"), pytest.raises(ImportRefused) as refused:
        decision_ledger.import_payments(None, data=_csv("205/2023/99999,2023-10-01,10,X"), today=LATER)
    assert refused.value.errors[0].startswith("rad 2, diary_number:")
    with translation.override("fi"), pytest.raises(ImportRefused) as refused:
        decision_ledger.import_payments(
            None, data=_csv("205/2023/1,2023-10-01,1," + "X" * 200_000), today=LATER
        )
    assert refused.value.errors == [
        "Tiedostoa ei voi lukea CSV-muodossa (kenttä on yli 131 072 merkkiä pitkä)."
    ]
    good = _csv(f"{number},1.10.2023,900.00,MAKSU-1", f'{number},2023-10-31,"1 000,50",MAKSU-2')
    assert decision_ledger.import_payments(None, data=good, today=LATER) == 2
    assert _accounts()[(2023, "wage_subsidy")] == (Decimal("2700.00"), Decimal("1900.50"))
    with pytest.raises(ImportRefused):  # recorded already
        decision_ledger.import_payments(None, data=_csv(f"{number},2023-11-01,1,MAKSU-2"), today=LATER)
    # a decision with payments is not cancelled; a correction must commit at least what was paid
    with pytest.raises(services.Refused):
        services.accept(services.cancel(accepted, w["ville"], ON, "Peruttu"), w["antti"], ON)


def test_check_ledger_reports_a_broken_ledger_with_a_non_zero_exit(w):
    give_quotas(20_000, areas=[7], instruments=["wage_subsidy"], years=(2023, 2024))
    services.accept(_draft(w), w["antti"], ON)
    out = io.StringIO()
    call_command("check_ledger", stdout=out)
    assert "The ledger holds: 2 accounts, 2 entries." in out.getvalue()
    Account.objects.filter(year=2024).update(committed=Decimal("1.00"))
    err = io.StringIO()
    with pytest.raises(CommandError, match="does not hold"):
        call_command("check_ledger", stdout=io.StringIO(), stderr=err)
    assert "committed 1.00 but its entries sum to 6300.00" in err.getvalue()
    Account.objects.filter(year=2024).update(committed=Decimal("6300.00"))


def test_the_command_imports_payments(w, tmp_path):
    give_quotas(20_000, areas=[7], instruments=["wage_subsidy"], years=(2023, 2024))
    number = services.accept(_draft(w), w["antti"], ON).diary_number
    path = tmp_path / "maksut.csv"
    path.write_bytes(_csv(f"{number},2023-09-15,100,A"))
    out = io.StringIO()
    call_command("import_payments", str(path), stdout=out)
    assert "Payments recorded: 1." in out.getvalue()
    path.write_bytes(_csv("x,2023-10-01,100,A"))
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_payments", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    assert Refused  # the service's refusal type is funding's
