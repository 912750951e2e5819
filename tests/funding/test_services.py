"""The funding services (R-RES-1, R-RES-3, R-RES-4): the catalogue asked again, bad input refused with a
localised message and nothing changed."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from kuntakokeilu.funding import services
from kuntakokeilu.funding.models import (
    Method,
    MinistryAllocation,
    OwnResourcing,
    Quota,
    QuotaComputation,
    SubsidyExpenditure2018,
)
from kuntakokeilu.regions.models import ElyCentre, Municipality, TrialArea

from .conftest import TODAY

pytestmark = pytest.mark.django_db
UUSIMAA_VOLUMES = {19: 3100, 20: 14500, 21: 6200, 22: 1300, 23: 900}


def _allocate(users, ely="01", amount=1_000_000, instrument="wage_subsidy"):
    return services.allocate(
        users("elina.laine"),
        ely=ElyCentre.objects.get(code=ely),
        year=2022,
        instrument=instrument,
        amount=amount,
        decided_on=dt.date(2022, 1, 15),
        reference="VN/1234/2022",
        today=TODAY,
    )


def _compute(users, volumes=UUSIMAA_VOLUMES, instrument="wage_subsidy"):
    return services.compute_quotas(
        users("kaisa.jarvinen"),
        ely=ElyCentre.objects.get(code="01"),
        year=2022,
        instrument=instrument,
        method=Method.BY_VOLUME,
        volumes=volumes,
        volume_date=dt.date(2022, 1, 1),
        today=TODAY,
    )


def test_only_the_ministry_allocates(users):
    """R-RES-1: the ministry allocates per ELY centre, instrument and year; an ELY official may not."""
    with pytest.raises(services.Refused):
        services.allocate(
            users("kaisa.jarvinen"),
            ely=ElyCentre.objects.get(code="01"),
            year=2022,
            instrument="wage_subsidy",
            amount=1,
            decided_on=TODAY,
            reference="x",
            today=TODAY,
        )
    row = _allocate(users)
    assert (row.amount, row.ely.code) == (1_000_000, "01")
    again = _allocate(users, amount=900_000)
    assert again.pk == row.pk and MinistryAllocation.objects.count() == 1


def test_compute_by_volume_stores_inputs_and_result_summing_exactly(users):
    """R-RES-1: by customer volume, largest remainders; the computation, its inputs and result stored."""
    _allocate(users)
    computation = _compute(users)
    assert computation.inputs == {str(k): v for k, v in UUSIMAA_VOLUMES.items()}
    assert sum(computation.result.values()) == 1_000_000
    quotas = {q.trial_area.number: q.current for q in computation.quotas.all()}
    assert sum(quotas.values()) == 1_000_000
    assert quotas[20] == 557_692  # 14500/26000 of 1 000 000 = 557 692.3


def test_the_kainuu_ely_official_cannot_set_uusimaa_quotas(users):
    """R-RES-1, R-X-1: quotas only for the official's own ELY centre (here a Kainuu area manager tries)."""
    _allocate(users)
    with pytest.raises(services.Refused):
        services.compute_quotas(
            users("juha.heikkinen"),
            ely=ElyCentre.objects.get(code="01"),
            year=2022,
            instrument="wage_subsidy",
            method=Method.BY_VOLUME,
            volumes=UUSIMAA_VOLUMES,
            volume_date=TODAY,
            today=TODAY,
        )


def test_training_is_divided_only_among_the_elys_own_areas(users):
    """R-RES-1: training and coaching quotas only among the trial areas of the ELY centre's own area."""
    _allocate(users, instrument="training", amount=50_000)
    with pytest.raises(services.Refused) as refused:
        _compute(users, volumes={**UUSIMAA_VOLUMES, 7: 100}, instrument="training")
    with translation.override("fi"):
        assert "7" in refused.value.message
    assert not QuotaComputation.objects.exists()


def test_an_adjustment_moves_money_with_a_reason(users):
    """R-RES-1: an official adjusts with a reason; the sum stays the allocation's."""
    _allocate(users)
    computation = _compute(users)
    amounts = {q.trial_area.number: q.current for q in computation.quotas.all()}
    amounts[20] -= 10_000
    amounts[22] += 10_000
    changed = services.adjust_quotas(
        users("kaisa.jarvinen"),
        ely=ElyCentre.objects.get(code="01"),
        year=2022,
        instrument="wage_subsidy",
        amounts=amounts,
        reason="Porvoo's wage-subsidy demand",
        today=TODAY,
    )
    assert {q.trial_area.number for q in changed} == {20, 22}
    assert Quota.objects.get(trial_area__number=22).reason == "Porvoo's wage-subsidy demand"
    assert sum(q.current for q in Quota.objects.all()) == 1_000_000


def test_an_adjustment_that_breaks_the_sum_is_refused_and_changes_nothing(users):
    """Issue 18 item 7: an allocation that does not sum — a clear localised message, nothing changed."""
    _allocate(users)
    computation = _compute(users)
    before = list(Quota.objects.values_list("pk", "amount", "adjusted_amount", "reason"))
    amounts = {q.trial_area.number: q.current for q in computation.quotas.all()}
    amounts[20] += 1
    with pytest.raises(services.Refused) as refused:
        services.adjust_quotas(
            users("kaisa.jarvinen"),
            ely=ElyCentre.objects.get(code="01"),
            year=2022,
            instrument="wage_subsidy",
            amounts=amounts,
            reason="more",
            today=TODAY,
        )
    with translation.override("fi"):
        assert "1\u00a0000\u00a0001" in refused.value.message or "1000001" in refused.value.message
        assert "Mitään ei tallennettu" in refused.value.message
    with translation.override("sv"):
        assert "Ingenting sparades" in refused.value.message
    assert list(Quota.objects.values_list("pk", "amount", "adjusted_amount", "reason")) == before


def test_a_manual_division_must_sum(users):
    """Issue 18 item 7: a manual division that does not sum is refused; nothing saved."""
    _allocate(users, amount=100)
    with pytest.raises(services.Refused):
        services.compute_quotas(
            users("kaisa.jarvinen"),
            ely=ElyCentre.objects.get(code="01"),
            year=2022,
            instrument="wage_subsidy",
            method=Method.MANUAL,
            amounts={19: 20, 20: 20, 21: 20, 22: 20, 23: 19},
            today=TODAY,
        )
    assert not QuotaComputation.objects.exists()


CSV_OK = "kunta_code,form,amount_eur\n205,share_300,1200000\n205,share_1000,800000\n290,share_300,300000\n"


def test_expenditure_import_all_or_nothing_with_line_numbers(users):
    """R-RES-4: the 2018 expenditure by form from CSV; every row checked first, errors by line number."""
    area = TrialArea.objects.get(number=7)
    bad = CSV_OK + "091,share_300,5\n205,bogus,1\n290,share_1000,-4\n205,share_300,1\n"
    with pytest.raises(services.ImportRefused) as refused, translation.override("fi"):
        services.import_expenditure(users("juha.heikkinen"), area=area, data=bad.encode(), today=TODAY)
    errors = refused.value.errors
    assert [e.split(":")[0] for e in errors] == ["rivi 5", "rivi 6", "rivi 7", "rivi 8"]
    assert not SubsidyExpenditure2018.objects.exists()
    report = services.import_expenditure(
        users("juha.heikkinen"), area=area, data=CSV_OK.encode(), today=TODAY
    )
    assert (report.created, report.updated, report.unchanged) == (3, 0, 0)
    again = services.import_expenditure(users("juha.heikkinen"), area=area, data=CSV_OK.encode(), today=TODAY)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_own_resourcing_only_for_the_areas_municipalities(users):
    """R-RES-4: planned and realised own resourcing per municipality and year, by the area's manager."""
    area = TrialArea.objects.get(number=7)
    args = {"year": 2022, "planned_eur": 100, "planned_person_years": Decimal("1.5"), "realised_eur": None}
    with pytest.raises(services.Refused):
        services.record_own_resourcing(
            users("juha.heikkinen"),
            area=area,
            municipality=Municipality.objects.get(code="091"),
            realised_person_years=None,
            today=TODAY,
            **args,
        )
    row = services.record_own_resourcing(
        users("juha.heikkinen"),
        area=area,
        municipality=Municipality.objects.get(code="205"),
        realised_person_years=None,
        today=TODAY,
        **args,
    )
    assert OwnResourcing.objects.get().pk == row.pk


def test_person_years_by_the_areas_ely(users):
    """R-RES-3: state person-years under municipal direction, recorded by the area's ELY centre."""
    with pytest.raises(services.Refused):
        services.record_person_years(
            users("kaisa.jarvinen"),
            area=TrialArea.objects.get(number=7),
            year=2022,
            person_years=Decimal("10"),
            source="x",
            today=TODAY,
        )
    row = services.record_person_years(
        users("kaisa.jarvinen"),
        area=TrialArea.objects.get(number=20),
        year=2022,
        person_years=Decimal("120.5"),
        source="Uusimaa ELY",
        today=TODAY,
    )
    assert row.person_years == Decimal("120.5")
