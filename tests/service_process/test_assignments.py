"""Customer assignment and bulk reassignment (R-SP-2, issue 16 item 2): `assignments.assign` for one and
for many, all or nothing, the previous assignment closed the day before, at most one open per person."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from kuntakokeilu.service_process import assignments
from kuntakokeilu.service_process.models import CustomerAssignment
from kuntakokeilu.service_process.services import Refused
from tests.customers.conftest import TODAY

pytestmark = pytest.mark.django_db
LATER = TODAY + dt.timedelta(days=5)


def rows():
    return list(
        CustomerAssignment.objects.order_by("person_id", "valid_from").values_list(
            "person_id", "worker__username", "valid_from", "valid_to"
        )
    )


def test_the_area_manager_assigns_and_then_reassigns_two_customers_at_once(kainuu):
    """R-SP-2: a bulk reassignment closes each previous assignment the day before the new one begins."""
    k = kainuu
    done = assignments.assign(k["manager"], [k["jari"], k["tiina"]], k["ville"], on=TODAY, today=TODAY)
    assert done == assignments.Assigned(changed=2, unchanged=0)
    done = assignments.assign(k["manager"], [k["jari"], k["tiina"]], k["emma"], on=LATER, today=LATER)
    assert done.changed == 2
    for person in (k["jari"], k["tiina"]):
        history = list(CustomerAssignment.objects.filter(person=person).order_by("valid_from"))
        assert [(a.worker.username, a.valid_from, a.valid_to) for a in history] == [
            ("ville.hyvonen", TODAY, LATER - dt.timedelta(days=1)),
            ("emma.kinnunen", LATER, None),
        ]
        assert history[-1].assigned_by == k["manager"]


def test_assigning_the_same_worker_again_changes_nothing(kainuu):
    k = kainuu
    assignments.assign(k["manager"], [k["jari"]], k["ville"], on=TODAY, today=TODAY)
    before = rows()
    assert assignments.assign(k["manager"], [k["jari"]], k["ville"], on=LATER, today=LATER).unchanged == 1
    assert rows() == before


def test_on_the_same_day_the_later_assignment_replaces_the_earlier(kainuu):
    """The documented reading: an assignment holds for whole days, so the day's last one holds."""
    k = kainuu
    assignments.assign(k["manager"], [k["jari"]], k["ville"], on=TODAY, today=TODAY)
    assignments.assign(k["manager"], [k["jari"]], k["emma"], on=TODAY, today=TODAY)
    assert rows() == [(k["jari"].pk, "emma.kinnunen", TODAY, None)]


@pytest.mark.parametrize(
    "case, field, fi, sv",
    [
        ("outside", "persons", "ei ole kokeilualueesi kunnan asiakas 1.6.2023", "är inte kund hos en kommun"),
        (
            "worker",
            "worker",
            "ei ole työllisyyspalvelujen asiantuntija kunnassa Kajaani",
            "i kommunen Kajana",
        ),
        ("backdated", "on", "ei voi alkaa ennen tätä päivää (1.6.2023)", "kan inte börja före i dag"),
        ("not_manager", None, "", ""),
        ("nobody", "persons", "Valitse vähintään yksi työnhakija.", "Välj minst en arbetssökande."),
    ],
)
def test_a_refused_bulk_reassignment_changes_nothing(kainuu, case, field, fi, sv):
    """R-SP-2: all or nothing — one job seeker of another area, a worker who is not Kajaani's case worker,
    a backdated start, a user who is not the area manager, or no one chosen: refused in fi/sv."""
    k = kainuu
    assignments.assign(k["manager"], [k["jari"]], k["ville"], on=TODAY, today=TODAY)
    before = rows()
    user, persons, worker, on = k["manager"], [k["jari"], k["tiina"]], k["emma"], TODAY
    if case == "outside":
        persons = [k["tiina"], k["helsinki"]]
    elif case == "worker":
        from django.contrib.auth import get_user_model

        worker = get_user_model().objects.get(username="aino.virtanen")
    elif case == "backdated":
        on = TODAY - dt.timedelta(days=1)
    elif case == "not_manager":
        user = k["ville"]
    elif case == "nobody":
        persons = []
    with pytest.raises(Refused) as refused:
        assignments.assign(user, persons, worker, on=on, today=TODAY)
    assert refused.value.field == field
    for lang, words in (("fi", fi), ("sv", sv)):
        with translation.override(lang):
            assert words in str(refused.value.message)
    assert rows() == before


def test_a_start_before_the_current_assignment_is_refused(kainuu):
    k = kainuu
    assignments.assign(k["manager"], [k["jari"]], k["ville"], on=LATER, today=TODAY)
    with pytest.raises(Refused) as refused:
        assignments.assign(k["manager"], [k["jari"], k["tiina"]], k["emma"], on=TODAY, today=TODAY)
    assert refused.value.field == "on"
    assert rows() == [(k["jari"].pk, "ville.hyvonen", LATER, None)]


def test_the_database_keeps_at_most_one_open_assignment_per_person(kainuu):
    k = kainuu
    CustomerAssignment.objects.create(person=k["jari"], worker=k["ville"], valid_from=TODAY)
    with pytest.raises(IntegrityError), transaction.atomic():
        CustomerAssignment.objects.create(person=k["jari"], worker=k["emma"], valid_from=LATER)


def test_the_areas_case_workers_are_offered(kainuu):
    from kuntakokeilu.regions.models import TrialArea

    names = {u.username for u in assignments.case_workers(TrialArea.objects.get(number=7), TODAY)}
    assert names == {"ville.hyvonen", "emma.kinnunen"}
