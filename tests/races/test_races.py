"""Concurrent clicks never give a 500 (issue 12; R-X-1, R-X-3): simultaneous writers on PostgreSQL, each on
its own connection, released together by a barrier. Of two creations of one username (in any case), three
decisions of one round, and two transfer requests of one person, exactly one succeeds and the others get a
clear message. On SQLite writers are serialised by the database's write lock (IMMEDIATE transactions), so
these run on PostgreSQL, where rows are locked and constraints are the guarantee."""

import datetime as dt
import threading

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection, connections  # noqa: F401 (the skip condition reads `connection`)

from kuntakokeilu.access import services as access_services
from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.access.models import RoleAssignment
from kuntakokeilu.access.roles import Role, ScopeKind
from kuntakokeilu.applications import services as application_services
from kuntakokeilu.applications.demo import DEMO_ROUND, ensure_open_round
from kuntakokeilu.applications.models import Application, Round, SelectionDecision
from kuntakokeilu.applications.rounds import load_rounds
from kuntakokeilu.customers.models import Ground, RequestReason, TransferRequest
from kuntakokeilu.regions.models import Municipality
from kuntakokeilu.regions.services import load_reference_data

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        "connection.vendor != 'postgresql'", reason="row locks and concurrent connections: PostgreSQL"
    ),
]


def together(*calls):
    """Run the calls at the same moment, each in its own thread and connection; their results or errors."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=30)
            results[index] = call()
        except Exception as exc:  # the loser's refusal is the result
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.fixture
def reference():
    load_reference_data()
    ensure_demo_users()


def user(name):
    return get_user_model().objects.get(username=name)


def test_two_managers_create_one_username_in_two_cases_at_once(reference):
    manager = user("juha.heikkinen")
    on = dt.date(2022, 9, 1)

    def create(name):
        assignment = RoleAssignment(
            role=Role.CASE_WORKER,
            scope_kind=ScopeKind.MUNICIPALITY,
            municipality=Municipality.objects.get(code="290"),
            valid_from=on,
        )
        return lambda: access_services.create_staff_member(
            manager,
            username=name,
            first_name="Outi",
            last_name="Kemppainen",
            email="outi@kuhmo.example",
            language="fi",
            password="Kuhmo-palvelee-2022",
            assignment=assignment,
            on=on,
        )

    results = together(create("outi.kemppainen"), create("Outi.Kemppainen"))
    created = [r for r in results if not isinstance(r, Exception)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(created) == 1 and len(refused) == 1, results
    assert "username" in refused[0].message_dict
    assert list(
        get_user_model().objects.filter(username__iexact="outi.kemppainen").values_list("username", flat=True)
    ) == ["outi.kemppainen"]


def test_three_simultaneous_decisions_of_one_round(reference):
    load_rounds()
    today = dt.date(2026, 11, 28)
    ensure_open_round(today)
    applicant, ministry = user("pekka.nieminen"), user("elina.laine")
    round_ = Round.objects.get(code=DEMO_ROUND)
    from kuntakokeilu.applications.forms import ApplicationForm
    from tests.applications.test_pages import FILLED

    form = ApplicationForm({**FILLED}, round_=round_, on=today)
    assert form.is_valid(), form.errors
    application = application_services.save_application(
        applicant, Application(round=round_), form.application_data(), today
    )
    assert application_services.submit_application(applicant, application, today) == []
    application_services.tick(ministry, application, True, today)

    def decide():
        return application_services.decide_round(
            ministry, Round.objects.get(code=DEMO_ROUND), today, "Työministeri", "Perustelut.", today
        )

    results = together(decide, decide, decide)
    decided = [r for r in results if isinstance(r, SelectionDecision)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(decided) == 1 and len(refused) == 2, results
    assert SelectionDecision.objects.filter(round__code=DEMO_ROUND).count() == 1


def test_two_simultaneous_transfer_requests_of_one_person(reference):
    from kuntakokeilu.customers import customerships, transfer_requests
    from kuntakokeilu.customers.demo import demo_csv
    from kuntakokeilu.customers.importer import import_job_seekers
    from kuntakokeilu.customers.models import Person
    from tests.customers.conftest import HELSINKI_HETU, make_customer

    import_job_seekers(demo_csv(), source="demo")
    person = Person.objects.get(henkilotunnus=HELSINKI_HETU)
    make_customer(person, "091")
    assert customerships.municipal_customership(person, dt.date(2023, 5, 2)) is not None

    def ask(actor):
        return lambda: transfer_requests.ask(
            person,
            actor=user(actor),
            asked_on=dt.date(2023, 5, 2),
            ground=Ground.REQUEST_TO_TE_OFFICE,
            reason=RequestReason.LINGUISTIC_RIGHTS,
            services_secured=True,
        )

    results = together(ask("sanna.makinen"), ask("aino.virtanen"))
    made = [r for r in results if isinstance(r, TransferRequest)]
    refused = [r for r in results if isinstance(r, ValidationError)]
    assert len(made) == 1 and len(refused) == 1, results
    assert TransferRequest.objects.filter(person=person).count() == 1
