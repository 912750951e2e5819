"""Demo step of monitoring (issue 19): the monthly figures of March 2021–August 2022 for the trial areas with
demo customers; Kainuu's months reviewed and approved by its area manager; June 2022 of Kainuu corrected as
version 2 after a face-to-face meeting of a Kajaani customer was recorded late. Idempotent: once the
corrected month is there, nothing changes."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from kuntakokeilu.customers.models import Customership, Responsible
from kuntakokeilu.regions.models import TrialArea
from kuntakokeilu.rules.calendar import add_months
from kuntakokeilu.service_process.models import Channel, ServicePoint
from kuntakokeilu.service_process.services import Refused, record_meeting

from . import services
from .models import MonthVersion

FIRST, LAST = dt.date(2021, 3, 1), dt.date(2022, 8, 1)
KAINUU = 7
CORRECTED = dt.date(2022, 6, 1)
REASON = "Kajaanin asiakkaan kasvokkaistapaaminen 15.6.2022 kirjattiin kuukauden hyväksynnän jälkeen."


def _months():
    month = FIRST
    while month <= LAST:
        yield month
        month = add_months(month, 1)


def _late_meeting(today: dt.date) -> bool:
    """A face-to-face job-search discussion of 15.6.2022 with a Kajaani customer, recorded by a Kajaani case
    worker (the first of the customers whose job search allows it)."""
    worker = get_user_model().objects.get(username="ville.hyvonen")
    day = dt.date(2022, 6, 15)
    point = ServicePoint.objects.filter(municipality__code="205", active=True).order_by("name_fi").first()
    customers = Customership.objects.filter(
        responsible=Responsible.MUNICIPALITY, municipality__code="205", valid_from__lte=day
    ).order_by("person__henkilotunnus")
    for row in customers[:50]:
        try:
            record_meeting(
                worker,
                row.person,
                type="job_search_discussion",
                date=day,
                channel=Channel.FACE_TO_FACE,
                today=today,
                service_point=point,
            )
        except Refused:
            continue
        return True
    return False


def run(today):
    kainuu = TrialArea.objects.get(number=KAINUU)
    if MonthVersion.objects.filter(trial_area=kainuu, month=CORRECTED, version=2).exists():
        yield "Monitoring demo: no change (the months are stored)."
        return
    with_customers = Customership.objects.filter(responsible=Responsible.MUNICIPALITY).values("municipality")
    areas = list(
        TrialArea.objects.filter(members__municipality__in=with_customers).distinct().order_by("number")
    )
    manager = get_user_model().objects.get(username="juha.heikkinen")
    for month in _months():
        services.compute_month(month, areas=areas)
        version = services.current(kainuu, month)
        if version is not None and not version.locked:
            services.approve(services.review(version, manager), manager)
    yield f"Monitoring demo: {len(list(_months()))} months for {len(areas)} trial areas; Kainuu's approved."
    if _late_meeting(today):
        june = services.correct(services.current(kainuu, CORRECTED), REASON, manager)
        yield f"Monitoring demo: Kainuu {CORRECTED:%m/%Y} corrected as version {june.version}."
