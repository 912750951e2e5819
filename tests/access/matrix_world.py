"""Objects of two areas for the URL matrix (tests/access/test_url_matrix.py; R-X-1, R-X-2): Uusimaa (Helsinki,
Porvoo, Loviisa; trial area 20) and Kainuu (Kajaani; trial area 7), on the demo's real places and users.

Each area has one object of every kind a URL can name: a customer with a fact and a notice, a due transfer,
a transfer request, an application, a trial area, a staff member and their role assignment. Rounds,
selection decisions and evaluation runs belong to no area and are shared.
"""

import datetime as dt
import os
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.applications.demo import ensure_open_round
from kuntakokeilu.applications.models import Application, SelectionDecision
from kuntakokeilu.customers import demo as customers_demo
from kuntakokeilu.customers import transfer_requests
from kuntakokeilu.customers.importer import import_job_seekers
from kuntakokeilu.customers.models import DueTransfer, FactKind, Notice, Person, TransferRequest
from kuntakokeilu.evaluation.models import EvaluationRun
from kuntakokeilu.jobs.models import Worker
from kuntakokeilu.jobs.workers import this_host
from kuntakokeilu.regions.models import Municipality, TrialArea
from kuntakokeilu.whatif.models import WhatIf
from tests.customers.conftest import HELSINKI_HETU, KAJAANI_HETU, PORVOO_HETU, make_customer

TODAY = dt.date(2023, 6, 1)


@dataclass(frozen=True)
class Area:
    person: Person
    fact: Any
    notice: Notice
    due: DueTransfer
    request: TransferRequest
    application: Application
    trial_area: TrialArea
    municipality: str
    staff: Any
    assignment: Any


@dataclass(frozen=True)
class World:
    uusimaa: Area
    kainuu: Area
    porvoo_person: Person
    round: Any
    decision: SelectionDecision
    run: EvaluationRun
    whatif: WhatIf


WORKER_ID = "matrix"  # the stand-in job worker (its heartbeat refreshed by the tests)


def build() -> World:
    """The demo users and job seekers as customers of their kotikunta, the demo's due transfers and
        requests, a Kajaani customer's request, an application from Loviisa and one from Kajaani; this process
    stands for a live job worker."""
    users = get_user_model().objects
    ensure_demo_users()
    import_job_seekers(customers_demo.demo_csv(), source="demo")
    for hetu, kunta in ((HELSINKI_HETU, "091"), (PORVOO_HETU, "638"), (KAJAANI_HETU, "205")):
        make_customer(Person.objects.get(henkilotunnus=hetu), kunta)
    make_customer(Person.objects.get(last_name="Warsame"), "091")
    list(customers_demo.due_transfers_demo(TODAY))
    list(customers_demo.transfer_requests_demo(TODAY))
    kajaani = Person.objects.get(henkilotunnus=KAJAANI_HETU)
    transfer_requests.ask(
        kajaani,
        actor=users.get(username="ville.hyvonen"),
        asked_on=TODAY - dt.timedelta(days=3),
        ground="request_to_te_office",
        reason="safety",
        services_secured=True,
    )
    round_, _changed = ensure_open_round(TODAY)
    Worker.objects.create(worker_id=WORKER_ID, host=this_host(), pid=os.getpid())  # /healthz: a live worker

    def area(person, due, request, lead, number, username) -> Area:
        application = Application.objects.create(
            round=round_, name=f"Matrix {lead}", lead=Municipality.objects.get(code=lead)
        )
        application.municipalities.set([application.lead])
        staff = users.get(username=username)
        return Area(
            person=person,
            fact=person.facts.current().get(kind=FactKind.KOTIKUNTA),
            notice=Notice.objects.filter(customership__person=person).first(),
            due=due,
            request=request,
            application=application,
            trial_area=TrialArea.objects.get(number=number),
            municipality=lead,
            staff=staff,
            assignment=staff.role_assignments.get(),
        )

    open_dues = DueTransfer.objects.filter(done_on=None, cancelled_on=None)
    return World(
        uusimaa=area(
            Person.objects.get(henkilotunnus=HELSINKI_HETU),
            open_dues.filter(handler_te_office__code="01").first(),
            TransferRequest.objects.get(person__henkilotunnus=PORVOO_HETU),
            "434",
            20,
            "aino.virtanen",
        ),
        kainuu=area(
            kajaani,
            open_dues.get(handler_municipality__code="205"),
            TransferRequest.objects.get(person=kajaani),
            "205",
            7,
            "ville.hyvonen",
        ),
        porvoo_person=Person.objects.get(henkilotunnus=PORVOO_HETU),
        round=round_,
        decision=SelectionDecision.objects.create(
            round=round_, decided_on=TODAY, decision_maker="Työministeri", grounds="Matriisi."
        ),
        run=EvaluationRun.objects.create(spec={}, created_by=users.get(username="tuomas.koskinen")),
        whatif=WhatIf.objects.create(
            name="Ikäraja 25", dates=["2022-09-01"], edits=[], created_by=users.get(username="elina.laine")
        ),
    )
