"""The monitoring demo (issue 19; R-MON-2, R-MON-3): March 2021–August 2022 computed for the areas with demo
customers, Kainuu's months approved, June 2022 corrected as version 2 after a late meeting; a second run
changes nothing."""

import datetime as dt
import io

import pytest
from django.core.management import call_command

from kuntakokeilu.monitoring import queries
from kuntakokeilu.monitoring.models import MonthVersion

pytestmark = pytest.mark.django_db


def test_the_demo_approves_kainuu_and_corrects_june_2022_once(settings):
    settings.KUNTAKOKEILU_TODAY = "2022-09-15"
    settings.DEMO_STEPS = [
        "kuntakokeilu.regions.demo",
        "kuntakokeilu.access.demo",
        "kuntakokeilu.customers.demo",
        "kuntakokeilu.service_process.demo",
        "kuntakokeilu.monitoring.demo",
    ]
    out = io.StringIO()
    call_command("demo", "--i-know-this-is-not-production", stdout=out)
    assert "Kainuu 06/2022 corrected as version 2." in out.getvalue()
    kainuu = MonthVersion.objects.filter(trial_area__number=7)
    assert kainuu.filter(version=1).count() == 18
    assert set(kainuu.filter(version=1).values_list("state", flat=True)) == {"approved"}
    june = kainuu.get(month=dt.date(2022, 6, 1), version=2)
    assert june.state == "computed" and june.reason
    changed = {c.key for c in queries.changes(june)}
    assert ("face_to_face_share", "trial_area", "7", "") in changed
    before = MonthVersion.objects.count()
    call_command("demo", "--i-know-this-is-not-production", stdout=io.StringIO())
    assert MonthVersion.objects.count() == before
