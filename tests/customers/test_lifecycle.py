"""One job seeker through the pilot, with the injected clock (R-TG-3…7, issue 6's "Done when"):
registration after the start → transfer within 7 days (R-TG-4) → a change of kotikunta into another trial
area, made by the municipality (R-TG-5) → a request to move back to the TE office for linguistic rights,
granted (R-TG-5) → the pilot's end returns the municipal customers and leaves her with the TE office
(R-TG-6). Each step's notices exist and render in fi and sv (R-TG-7)."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from kuntakokeilu import clock
from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.customers import notices, pilot_end, transfer_requests, worklist
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.models import (
    Customership,
    DueTransfer,
    Ground,
    Person,
    RequestReason,
    Responsible,
)

from .helpers import load

pytestmark = pytest.mark.django_db

SOFIA = make_henkilotunnus(dt.date(2000, 4, 5), 971)  # Swedish-speaking, under 30 throughout
OMAR = make_henkilotunnus(dt.date(1987, 3, 22), 972)  # an immigrant, stays a Helsinki customer
ROW = {
    "last_name": "Lindgren",
    "first_name": "Sofia",
    "service_language": "sv",
    "kotikunta": "091",
    "mother_tongue": "sv",
    "immigrant": "false",
    "status": "unemployed",
    "earnings_related_entitlement": "true",
}


def on(settings, day: str) -> dt.date:
    """Move the injected clock (the pages and commands read it through `clock.today()`)."""
    settings.KUNTAKOKEILU_TODAY = day
    return clock.today()


def notices_render(
    customership: Customership, ground_fi: str, ground_sv: str, recipients=("organisation", "person")
) -> None:
    """The notices exist, in the person's (sv) and the receiver's language, and render in fi and sv."""
    issued = list(customership.notices.all())
    assert sorted(n.recipient for n in issued) == sorted(recipients)
    assert next(n.language for n in issued if n.recipient == "person") == "sv"
    for notice in issued:
        assert ground_fi in " ".join(notices.render(notice, "fi")["lines"])
        assert ground_sv in " ".join(notices.render(notice, "sv")["lines"])


def test_one_job_seeker_through_the_pilot(settings):
    ensure_demo_users()
    user = get_user_model().objects.get

    # 1. Registration on 10.3.2022 (after the start): due to Helsinki within 7 days, on the TE office's list.
    today = on(settings, "2022-03-10")
    load(
        ROW | {"henkilotunnus": SOFIA, "valid_from": today.isoformat(), "job_search_start": today.isoformat()}
    )
    sofia = Person.objects.get(henkilotunnus=SOFIA)
    due = DueTransfer.objects.get(person=sofia, done_on=None, cancelled_on=None)
    assert (due.ground, due.handler_te_office.code, due.due_by) == (
        Ground.NEW_REGISTRATION,
        "01",
        dt.date(2022, 3, 17),
    )
    assert due in worklist.open_for(user(username="sanna.makinen"), today)

    # 2. The TE office makes it within the 7 days.
    today = on(settings, "2022-03-15")
    assert not due.overdue(today)
    first = worklist.complete(due, actor=user(username="sanna.makinen"), on=today)
    assert (first.municipality.code, first.valid_from, first.ground) == (
        "091",
        today,
        Ground.NEW_REGISTRATION,
    )
    notices_render(first, "uusi ilmoittautuminen", "ny anmälan")

    # 3. She moves to Espoo (trial area 19) on 1.6.2022: Helsinki makes the transfer.
    today = on(settings, "2022-06-01")
    load(ROW | {"henkilotunnus": SOFIA, "valid_from": today.isoformat(), "kotikunta": "049"})
    due = DueTransfer.objects.get(person=sofia, done_on=None, cancelled_on=None)
    assert (due.ground, due.handler_municipality.code, due.target["kunta_code"]) == (
        Ground.CHANGE_OF_KOTIKUNTA,
        "091",
        "049",
    )
    today = on(settings, "2022-06-03")
    second = worklist.complete(due, actor=user(username="aino.virtanen"), on=today)
    assert (second.municipality.code, second.ground) == ("049", Ground.CHANGE_OF_KOTIKUNTA)
    notices_render(second, "kotikunnan muutos", "byte av hemkommun")

    # 4. She asks to move back to the TE office to protect her linguistic rights; the TE office grants it.
    today = on(settings, "2022-09-01")
    asked = transfer_requests.ask(
        sofia,
        actor=user(username="sanna.makinen"),
        asked_on=today,
        ground=Ground.REQUEST_TO_TE_OFFICE,
        reason=RequestReason.LINGUISTIC_RIGHTS,
        services_secured=True,
    )
    today = on(settings, "2022-09-05")
    granted = transfer_requests.decide(asked, actor=user(username="sanna.makinen"), on=today, grant=True)
    third = granted.customership
    assert (third.responsible, third.te_office.code, third.request_reason) == (
        Responsible.TE_OFFICE,
        "01",
        RequestReason.LINGUISTIC_RIGHTS,
    )
    # A move on request also notifies the municipality that loses the customer (L421 s. 5 mom 6).
    notices_render(
        third, "kielellisten oikeuksien", "språkliga rättigheter", ("organisation", "person", "previous")
    )
    # A later reported change does not send her back while she lives where she asked to move (s. 5 mom 5).
    today = on(settings, "2022-09-20")
    load(
        ROW
        | {
            "henkilotunnus": SOFIA,
            "valid_from": today.isoformat(),
            "kotikunta": "049",
            "status": "in_service",
        }
    )
    assert not DueTransfer.objects.filter(person=sofia, done_on=None, cancelled_on=None).exists()

    # Another job seeker registers and stays a Helsinki customer until the end.
    today = on(settings, "2022-10-03")
    load(
        ROW
        | {
            "henkilotunnus": OMAR,
            "first_name": "Omar",
            "last_name": "Haddad",
            "service_language": "fi",
            "mother_tongue": "ar",
            "immigrant": "true",
            "valid_from": today.isoformat(),
            "job_search_start": today.isoformat(),
        }
    )
    omar = Person.objects.get(henkilotunnus=OMAR)
    worklist.complete(DueTransfer.objects.get(person=omar), actor=user(username="sanna.makinen"), on=today)

    # 5. The pilot's end: the municipal customer passes to Helsinki's employment area (Act 380/2023, the TE
    # offices ceased on 31.12.2024); Sofia, the TE office's customer on request, is untouched.
    today = on(settings, "2025-01-01")
    summary = pilot_end.return_customers(today)
    assert dict(summary.areas) == {20: {"helsinki": 1}}
    returned = Customership.objects.get(person=omar, valid_to=None)
    assert (returned.ground, returned.employment_area.code) == (Ground.PILOT_ENDED, "helsinki")
    for notice in returned.notices.all():
        assert "Kokeilu on päättynyt" in " ".join(notices.render(notice, "fi")["lines"])
        assert "Försöket har upphört" in " ".join(notices.render(notice, "sv")["lines"])
    assert Customership.objects.get(person=sofia, valid_to=None) == third
    history = [(c.ground, c.valid_from, c.valid_to) for c in Customership.objects.filter(person=sofia)]
    assert history == [
        (Ground.NEW_REGISTRATION, dt.date(2022, 3, 15), dt.date(2022, 6, 2)),
        (Ground.CHANGE_OF_KOTIKUNTA, dt.date(2022, 6, 3), dt.date(2022, 9, 4)),
        (Ground.REQUEST_TO_TE_OFFICE, dt.date(2022, 9, 5), None),
    ]
