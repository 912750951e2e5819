"""The own customer list, the area manager's bulk reassignment and the area manager's pages (R-SP-2,
R-PREM-1: service points; issue 16 items 2 and 3): access-logged lists, refusals that change nothing."""

import datetime as dt

import pytest
from django.urls import reverse

from kuntakokeilu.access.models import AccessLogEntry
from kuntakokeilu.service_process import assignments
from kuntakokeilu.service_process.models import AreaEscalationThreshold, CustomerAssignment, ServicePoint

pytestmark = pytest.mark.django_db
TODAY = dt.date(2023, 6, 1)


def test_a_case_worker_sees_her_own_customers_and_each_is_logged(kainuu, client):
    """R-SP-2: the list holds the persons assigned to the user today, with municipality; logged."""
    k = kainuu
    assignments.assign(k["manager"], [k["tiina"]], k["emma"], on=TODAY, today=TODAY)
    client.force_login(k["emma"])
    response = client.get(reverse("service_process:customers"), HTTP_ACCEPT_LANGUAGE="fi")
    page = response.content.decode()
    assert response.status_code == 200 and "Oikarinen, Tiina" in page and "Kemppainen" not in page
    assert "Kajaani" in page and 'name="person"' not in page  # no reassignment for a case worker
    entries = AccessLogEntry.objects.filter(what="service_process:customers")
    assert list(entries.values_list("person_id", "user__username")) == [(k["tiina"].pk, "emma.kinnunen")]


def test_the_area_manager_reassigns_two_customers_in_bulk(kainuu, client):
    """R-SP-2: the area's customers with checkboxes; the POST assigns both and says so."""
    k = kainuu
    client.force_login(k["manager"])
    page = client.get(reverse("service_process:customers"), HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert "Kemppainen, Jari" in page and "Oikarinen, Tiina" in page and "Emma Kinnunen" in page
    assert AccessLogEntry.objects.filter(person=k["jari"], user=k["manager"]).exists()
    data = {"person": [str(k["jari"].pk), str(k["tiina"].pk)], "worker": str(k["emma"].pk)}
    response = client.post(reverse("service_process:reassign"), data, HTTP_ACCEPT_LANGUAGE="fi", follow=True)
    assert "2 työnhakijaa osoitettu asiantuntijalle Emma Kinnunen." in response.content.decode()
    assert set(CustomerAssignment.objects.values_list("person_id", "worker__username")) == {
        (k["jari"].pk, "emma.kinnunen"),
        (k["tiina"].pk, "emma.kinnunen"),
    }


def test_a_reassignment_naming_another_areas_job_seeker_changes_nothing(kainuu, client):
    k = kainuu
    client.force_login(k["manager"])
    data = {"person": [str(k["jari"].pk), str(k["helsinki"].pk)], "worker": str(k["emma"].pk)}
    response = client.post(reverse("service_process:reassign"), data, HTTP_ACCEPT_LANGUAGE="sv", follow=True)
    assert "inte kunder i ditt försöksområde" in response.content.decode()
    assert not CustomerAssignment.objects.exists()
    client.force_login(k["ville"])  # a case worker may not reassign at all
    assert client.post(reverse("service_process:reassign"), data).status_code == 403
    assert not CustomerAssignment.objects.exists()


def test_the_area_manager_edits_a_service_point_and_sets_the_threshold(kainuu, client):
    """Issue 16 item 3: the area's service points are edited by its manager; a bad postal code is refused
    in Finnish and changes nothing; the threshold is added with its validity dates."""
    k = kainuu
    point = ServicePoint.objects.create(
        trial_area_id=k["tiina"].customerships.get().municipality.trial_memberships.get().trial_area_id,
        municipality=k["tiina"].customerships.get().municipality,
        name_fi="Kajaanin palvelupiste",
        street_address="Katu 1",
        postal_code="87100",
        opening_hours="ma–pe 9–15",
    )
    client.force_login(k["manager"])
    area = reverse("service_process:area", args=[7])
    assert "Kajaanin palvelupiste" in client.get(area).content.decode()
    url = reverse("service_process:point-edit", args=[point.pk])
    data = {
        "name_fi": "Kajaanin palvelupiste",
        "name_sv": "Kajana serviceställe",
        "municipality": str(point.municipality_id),
        "street_address": "Uusi katu 2",
        "postal_code": "871",
        "opening_hours": "ma–to 9–15",
        "organisations": ["municipality", "kela"],
        "active": "on",
    }
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 400 and "Postinumerossa on viisi numeroa" in response.content.decode()
    point.refresh_from_db()
    assert point.street_address == "Katu 1"
    assert client.post(url, data | {"postal_code": "87200"}).status_code == 302
    point.refresh_from_db()
    assert (point.street_address, point.postal_code, point.organisations) == (
        "Uusi katu 2",
        "87200",
        ["municipality", "kela"],
    )
    added = reverse("service_process:add-escalation-threshold", args=[7])
    form = {"threshold-working_days": "3", "threshold-valid_from": "2023-06-01", "threshold-valid_to": ""}
    assert client.post(added, form).status_code == 302
    assert list(AreaEscalationThreshold.objects.values_list("working_days", "valid_from")) == [(3, TODAY)]
    response = client.post(added, form, HTTP_ACCEPT_LANGUAGE="fi")  # overlaps the one just added
    assert response.status_code == 400 and "päällekkäin" in response.content.decode()
    assert AreaEscalationThreshold.objects.count() == 1
    assert client.get(reverse("service_process:area", args=[20])).status_code == 404  # Helsinki's area
    assert client.get(reverse("service_process:area-home")).url == area
