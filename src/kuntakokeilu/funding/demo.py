"""Demo step of funding (issue 18 items 3 and 5): the ministry's 2022 and 2023 allocations to the ELY centres
of Uusimaa (01) and Kainuu (14), their trial areas' quotas computed by customer volume on a date (the demo's
customers as the customers app counts them), the Kainuu municipalities' 2018 labour-market-subsidy
expenditure (ILLUSTRATIVE amounts: no public file of them exists, SPEC R-RES-4), their own resourcing of 2022
and the state person-years of Kainuu and Helsinki. Idempotent: what exists is left as it is; a computation
whose volume date is after today is not made."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth import get_user_model

from kuntakokeilu.regions.models import ElyCentre, Municipality, TrialArea

from . import services
from .models import (
    Method,
    MinistryAllocation,
    OwnResourcing,
    QuotaComputation,
    StatePersonYears,
    SubsidyExpenditure2018,
)
from .volumes import area_volumes

D = dt.date
# (year, ELY code, instrument, amount EUR, decided on, reference) — illustrative amounts
ALLOCATIONS = [
    (2022, "01", "wage_subsidy", 24_000_000, D(2022, 1, 20), "TEM/demo/2022-1"),
    (2022, "01", "start_up_grant", 3_500_000, D(2022, 1, 20), "TEM/demo/2022-1"),
    (2022, "01", "training", 6_000_000, D(2022, 1, 20), "Uudenmaan ELY-keskuksen hankinta (demo)"),
    (2022, "14", "wage_subsidy", 4_200_000, D(2022, 1, 20), "TEM/demo/2022-1"),
    (2022, "14", "start_up_grant", 450_000, D(2022, 1, 20), "TEM/demo/2022-1"),
    (2022, "14", "coaching", 700_000, D(2022, 1, 20), "Kainuun ELY-keskuksen hankinta (demo)"),
    (2023, "01", "wage_subsidy", 25_500_000, D(2022, 12, 15), "TEM/demo/2023-1"),
    (2023, "14", "wage_subsidy", 4_400_000, D(2022, 12, 15), "TEM/demo/2023-1"),
]
VOLUME_DATES = {2022: D(2022, 1, 31), 2023: D(2022, 11, 30)}
OFFICIALS = {"01": "kaisa.jarvinen", "14": "heikki.kemppainen"}
# Kainuu's 2018 labour-market-subsidy expenditure by form, ILLUSTRATIVE (kunta code, form, EUR)
EXPENDITURE = [
    ("205", "share_300", 2_150_000),
    ("205", "share_1000", 1_640_000),
    ("290", "share_300", 610_000),
    ("290", "share_1000", 420_000),
    ("765", "share_300", 520_000),
    ("765", "share_1000", 300_000),
    ("777", "share_300", 700_000),
    ("777", "share_1000", 560_000),
    ("105", "share_300", 160_000),
    ("578", "share_300", 210_000),
    ("697", "share_300", 90_000),
]
# 2022 own resourcing (kunta code, planned EUR, planned person-years, realised EUR or None)
OWN_2022 = [("205", 600_000, Decimal("6.0"), 510_000), ("290", 160_000, Decimal("1.5"), 170_000)]
PERSON_YEARS = [
    (7, 2022, Decimal("42.0"), "Kainuun ELY-keskus (demo)"),
    (20, 2022, Decimal("310.5"), "Uudenmaan ELY-keskus (demo)"),
]


def run(today: dt.date):
    user = get_user_model().objects.get
    ministry = user(username="elina.laine")
    yield ""
    yield "Funding (issue 18 items 3 and 5; amounts illustrative):"
    made = 0
    for year, code, instrument, amount, decided_on, reference in ALLOCATIONS:
        ely = ElyCentre.objects.get(code=code)
        if MinistryAllocation.objects.filter(year=year, ely=ely, instrument=instrument).exists():
            continue
        services.allocate(
            ministry,
            ely=ely,
            year=year,
            instrument=instrument,
            amount=amount,
            decided_on=decided_on,
            reference=reference,
            today=today,
        )
        made += 1
    yield f"  allocations to the ELY centres 01 and 14 for 2022–2023: {made} new"
    computed = 0
    for year, code, instrument, *_rest in ALLOCATIONS:
        ely = ElyCentre.objects.get(code=code)
        on = VOLUME_DATES[year]
        if on > today or QuotaComputation.objects.filter(ely=ely, year=year, instrument=instrument).exists():
            continue
        services.compute_quotas(
            user(username=OFFICIALS[code]),
            ely=ely,
            year=year,
            instrument=instrument,
            method=Method.BY_VOLUME,
            volumes=area_volumes(ely, on),
            volume_date=on,
            today=today,
        )
        computed += 1
    yield f"  quotas computed by customer volume (31.1.2022 for 2022, 30.11.2022 for 2023): {computed} new"
    manager = user(username="juha.heikkinen")
    kainuu = TrialArea.objects.get(number=7)
    new = 0
    for kunta, form, amount in EXPENDITURE:
        municipality = Municipality.objects.get(code=kunta)
        _row, created = SubsidyExpenditure2018.objects.get_or_create(
            municipality=municipality, form=form, defaults={"amount": amount}
        )
        new += created
    yield (
        "  Kainuu's 2018 labour-market-subsidy expenditure (ILLUSTRATIVE amounts, no public source): "
        f"{new} new rows"
    )
    new = 0
    for kunta, planned, person_years, realised in OWN_2022:
        municipality = Municipality.objects.get(code=kunta)
        if OwnResourcing.objects.filter(municipality=municipality, year=2022).exists() or today < D(
            2022, 1, 1
        ):
            continue
        services.record_own_resourcing(
            manager,
            area=kainuu,
            municipality=municipality,
            year=2022,
            planned_eur=planned,
            planned_person_years=person_years,
            realised_eur=realised,
            realised_person_years=None,
            today=today,
        )
        new += 1
    yield f"  own resourcing 2022 of Kajaani and Kuhmo: {new} new (see /funding/areas/7/?year=2022)"
    new = 0
    for number, year, value, source in PERSON_YEARS:
        area = TrialArea.objects.get(number=number)
        if StatePersonYears.objects.filter(trial_area=area, year=year).exists():
            continue
        official = user(username=OFFICIALS[area.ely.code])
        services.record_person_years(
            official, area=area, year=year, person_years=value, source=source, today=today
        )
        new += 1
    yield f"  state person-years of Kainuu and Helsinki 2022: {new} new"
