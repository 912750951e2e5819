"""Test data: quotas in force for the ledger (R-RES-1), written directly as one computation per ELY centre,
instrument and year, the same amount for each of its trial areas (tests that accept decisions need them:
without a quota nothing can be committed)."""

from django.contrib.auth import get_user_model

from kuntakokeilu.funding.models import Instrument, Method, Quota, QuotaComputation
from kuntakokeilu.regions.models import TrialArea


def give_quotas(amount: int, years=(2021, 2022, 2023, 2024), instruments=None, areas=None) -> None:
    """Every trial area (or `areas`, by number) gets `amount` euros of each instrument in each year."""
    official = get_user_model().objects.order_by("pk").first()
    if official is None:
        official = get_user_model().objects.create(username="quota.tests")
    rows = TrialArea.objects.all() if areas is None else TrialArea.objects.filter(number__in=areas)
    by_ely: dict[int, list[TrialArea]] = {}
    for area in rows:
        by_ely.setdefault(area.ely_id, []).append(area)
    for ely_id, members in by_ely.items():
        for instrument in instruments or Instrument.values:
            for year in years:
                computation = QuotaComputation.objects.create(
                    ely_id=ely_id,
                    year=year,
                    instrument=instrument,
                    method=Method.MANUAL,
                    total=amount * len(members),
                    result={str(a.number): amount for a in members},
                    computed_by=official,
                )
                for area in members:
                    Quota.objects.create(
                        computation=computation,
                        trial_area=area,
                        year=year,
                        instrument=instrument,
                        amount=amount,
                    )
