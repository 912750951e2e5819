"""Worklist scopes and the per-area escalation threshold (R-SP-2): my customers, the municipality, the
trial area and the area manager's escalated list, each filtered in SQL before the counts."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kuntakokeilu.access.models import AccessLogEntry
from kuntakokeilu.access.scope import grants
from kuntakokeilu.regions.models import TrialArea
from kuntakokeilu.service_process import assignments, services
from kuntakokeilu.service_process.assignment_queries import Threshold, escalation_days
from kuntakokeilu.service_process.models import DueItem
from kuntakokeilu.service_process.queries import worklist
from kuntakokeilu.service_process.services import Refused

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat
TODAY = D("2023-06-01")  # a Thursday


def _item(person, due_by):
    return DueItem.objects.create(
        person=person,
        type="typ_plan_review",
        reference="1369/2014 s. 6",
        rule_version="test",
        event_date=due_by,
        due_by=due_by,
        handler_municipality=person.customerships.get().municipality,
    )


def test_my_customers_are_the_items_of_the_persons_assigned_to_me(kainuu):
    """R-SP-2: `assigned_to` keeps the persons assigned to the worker on the date; the municipality scope
    keeps every item of the grants, assigned or not; rows and counts are one SQL query each."""
    k = kainuu
    jari, tiina = _item(k["jari"], D("2023-05-02")), _item(k["tiina"], D("2023-06-02"))
    assignments.assign(k["manager"], [k["jari"]], k["ville"], on=TODAY, today=TODAY)
    ville = grants(k["ville"], TODAY)
    mine, counts = worklist(ville, TODAY, group="all", assigned_to=k["ville"])
    assert list(mine) == [jari] and counts == {"all": 1, "overdue": 1, "today": 0, "week": 0}
    everyone, counts = worklist(ville, TODAY, group="all")
    assert {jari, tiina} <= set(everyone) and counts["week"] >= 1
    assert list(worklist(grants(k["emma"], TODAY), TODAY, assigned_to=k["emma"])[0]) == []
    # the day before the assignment began, nobody is Ville's
    assert not worklist(ville, TODAY - dt.timedelta(days=1), assigned_to=k["ville"])[0].exists()
    with CaptureQueriesContext(connection) as queries:
        list(mine.all())
    assert len(queries) == 1 and "EXISTS" in queries[0]["sql"].upper()


def test_the_escalated_list_uses_the_areas_own_threshold(kainuu):
    """R-SP-2: with no setting Kainuu's threshold is the project policy (5 working days); with its own
    setting of 2 working days an item overdue for 3 working days reaches the area manager."""
    k = kainuu
    kainuu_area = TrialArea.objects.get(number=7)
    recent = _item(k["jari"], D("2023-05-29"))  # Monday: 3 working days overdue on Thursday 1.6.2023
    manager = grants(k["manager"], TODAY)
    assert escalation_days([7], TODAY)[7] == Threshold(7, 5, False)
    assert recent not in worklist(manager, TODAY, group="overdue", escalated=True)[0]
    assignments.set_escalation_threshold(
        k["manager"], kainuu_area, working_days=2, valid_from=D("2023-05-01"), valid_to=None, today=TODAY
    )
    threshold = escalation_days([7, 20], TODAY)
    assert (threshold[7].working_days, threshold[7].own) == (2, True)
    assert (threshold[20].working_days, threshold[20].own) == (5, False)
    rows, counts = worklist(manager, TODAY, group="overdue", escalated=True)
    assert recent in rows and counts["overdue"] == rows.count()
    # before the setting began, the policy held
    assert recent not in worklist(manager, D("2023-04-28"), group="all", escalated=True)[0]


@pytest.mark.parametrize(
    "days, start, end, field",
    [
        (0, "2023-07-01", None, "working_days"),
        (3, "2023-06-01", None, "valid_from"),
        (3, "2023-07-01", "2023-06-30", "valid_to"),
    ],
)
def test_a_threshold_too_short_overlapping_or_ending_before_it_begins_is_refused(
    kainuu, days, start, end, field
):
    k = kainuu
    area = TrialArea.objects.get(number=7)
    assignments.set_escalation_threshold(
        k["manager"], area, working_days=2, valid_from=D("2023-05-01"), valid_to=None, today=TODAY
    )
    with pytest.raises(Refused) as refused:
        assignments.set_escalation_threshold(
            k["manager"], area, working_days=days, valid_from=D(start), valid_to=end and D(end), today=TODAY
        )
    assert refused.value.field == field and area.escalation_thresholds.count() == 1
    with pytest.raises(Refused):
        assignments.set_escalation_threshold(
            k["ville"], area, working_days=3, valid_from=D("2024-01-01"), valid_to=None, today=TODAY
        )


def test_the_worklist_page_offers_the_scopes_and_keeps_them_in_the_links(kainuu, client):
    """R-SP-2: a case worker with customers assigned starts on "my customers"; the group links keep the
    scope; every person listed is logged, and only they."""
    k = kainuu
    _item(k["jari"], D("2023-05-02"))
    _item(k["tiina"], D("2023-05-03"))
    assignments.assign(k["manager"], [k["jari"]], k["ville"], on=TODAY, today=TODAY)
    client.force_login(k["ville"])
    page = client.get(reverse("service_process:worklist"), HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert "Omat asiakkaat" in page and "Kemppainen" in page and "Oikarinen" not in page
    assert 'href="?scope=mine&amp;group=today"' in page
    assert set(AccessLogEntry.objects.values_list("person_id", flat=True)) == {k["jari"].pk}
    page = client.get(reverse("service_process:worklist") + "?scope=municipality&group=all").content.decode()
    assert (
        "Kemppainen" in page
        and "Oikarinen" in page
        and 'href="?scope=municipality&amp;group=overdue"' in page
    )


def test_the_area_managers_page_names_the_threshold_and_its_source(kainuu, client):
    """R-SP-2: "escalated after N working days (the area's setting / project policy)"; the escalated list
    is the default, the whole area's list another scope."""
    k = kainuu
    services.refresh_deadlines(k["jari"], TODAY)
    _item(k["tiina"], D("2023-05-31"))  # overdue for one working day: not escalated
    client.force_login(k["manager"])
    url = reverse("service_process:worklist")
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert "5 arkipäivän jälkeen (hankkeen yhteinen käytäntö)" in page
    assert "Kemppainen" in page and "Oikarinen" not in page
    assert "Oikarinen" in client.get(url + "?scope=area&group=all").content.decode()
    assignments.set_escalation_threshold(
        k["manager"],
        TrialArea.objects.get(number=7),
        working_days=3,
        valid_from=TODAY,
        valid_to=None,
        today=TODAY,
    )
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "efter 3 vardagar (försöksområdets egen inställning)" in page
