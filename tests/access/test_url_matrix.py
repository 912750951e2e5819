"""Every URL × every demo role user (and an anonymous caller) × another area's objects and missing ones
(R-X-1, R-X-2), generated from the URL configuration and the action catalogue: a new view is covered
without editing this file.

Each route's URL keyword arguments are filled from `FACTORIES` with an object of an area other than the
caller's (tests/access/matrix_world.py), and again with objects that do not exist. The catalogue says what
to expect: never a 5xx; an anonymous caller of a staff route is sent to sign in (pages) or gets 401 (API);
a signed-in caller whom the catalogue refuses never gets a 2xx: a route that names an object answers 404
with the same body as for a missing object, any other route 403; a refused POST changes no row. `figures()`
gives the counts for docs/security.md.
"""

import re
import uuid
from dataclasses import dataclass
from functools import cached_property

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.http import Http404
from django.shortcuts import resolve_url
from django.test import Client, RequestFactory, override_settings
from django.urls import resolve, reverse
from django.utils import timezone
from rest_framework.exceptions import APIException
from rest_framework.request import Request

from kuntakokeilu.access.actions import can, get_action
from kuntakokeilu.access.demo import DEMO_USERS
from kuntakokeilu.jobs.models import Worker
from tests.access import matrix_world
from tests.routes import declared_action, routes, view_class

pytestmark = pytest.mark.django_db
ON = matrix_world.TODAY

# URL keyword argument (or "segment/argument" where the name alone is ambiguous) -> (another area's value
# from the world and the caller's other area, a value naming nothing). A new name needs a line here.
FACTORIES = {
    "person_id": (lambda w, a: a.person.pk, uuid.UUID(int=1)),
    "fact_id": (lambda w, a: a.fact.pk, 999999999),
    "notice_id": (lambda w, a: a.notice.pk, 999999999),
    "due_id": (lambda w, a: a.due.pk, 999999999),
    "request_id": (lambda w, a: a.request.pk, 999999999),
    "application_id": (lambda w, a: a.application.pk, "999999999"),
    "applications/pk": (lambda w, a: a.application.pk, 999999999),
    "user_id": (lambda w, a: a.staff.pk, 999999999),
    "assignment_id": (lambda w, a: a.assignment.pk, 999999999),
    "number": (lambda w, a: a.trial_area.number, 99),
    "area_no": (lambda w, a: a.trial_area.number, 99),
    "municipalities/code": (lambda w, a: a.municipality, "999"),
    "rounds/code": (lambda w, a: w.round.code, "no-such-round"),
    "decisions/pk": (lambda w, a: w.decision.pk, 999999999),
    "runs/pk": (lambda w, a: w.run.pk, 999999999),
    "pdf/lang": (lambda w, a: "fi", "fi"),  # not an object: the same in both
    "files/name": (lambda w, a: "results.json", "results.json"),
    "whatif/pk": (lambda w, a: w.whatif.pk, 999999999),
    "kind": (lambda w, a: "areas", "areas"),  # not an object: the same in both
    "point_id": (lambda w, a: _service_point(a.trial_area).pk, 999999999),  # issue 16: a service point
    # R-SP-9: a member and a meeting of the area's co-operation network
    "member_id": (lambda w, a: _network_member(a.trial_area).pk, 999999999),
    "meeting_id": (lambda w, a: _network_meeting(a.trial_area).pk, 999999999),
    # issue 17 item 4 (employers): the area's employer, its vacancy, a consent and a job offer of its customer
    "employer_id": (lambda w, a: _employer_side(a)["employer"].pk, 999999999),
    "vacancy_id": (lambda w, a: _employer_side(a)["vacancy"].pk, 999999999),
    "consent_id": (lambda w, a: _employer_side(a)["consent"].pk, 999999999),
    "offer_id": (lambda w, a: _employer_side(a)["offer"].pk, 999999999),
    "referral_id": (lambda w, a: _referral(a.person).pk, 999999999),  # issue 17: a service referral
    # issue 17 item 5: a benefit event, its statement, its notice to the TE office, its written reminder
    "event_id": (lambda w, a: _benefit_events(a.person)["notice"].pk, 999999999),
    "statement_id": (lambda w, a: _benefit_events(a.person)["statement"].statement.pk, 999999999),
    "te_notice_id": (lambda w, a: _benefit_events(a.person)["notice"].notice.pk, 999999999),
    "reminder_id": (lambda w, a: _benefit_events(a.person)["reminder"].reminder.pk, 999999999),
    "plan_id": (lambda w, a: _plan(a).pk, 999999999),  # issue 17 item 1: a plan of the area's person
    "version_no": (lambda w, a: _plan(a).versions.get().number, 999),
    "ely_code": (lambda w, a: a.trial_area.ely.code, "99"),  # issue 18: the other area's ELY centre
    "decision_id": (lambda w, a: _decision(a).pk, 999999999),  # issue 18 item 2: a benefit decision
    "run_id": (lambda w, a: _retention_run().pk, 999999999),  # issue 20 item 3: a retention run (no area)
    # issue 20 item 1: an export or import job (admins' only, not an area's) and a published format
    "job_id": (lambda w, a: uuid.UUID(int=2), uuid.UUID(int=3)),
    "schema_name": (lambda w, a: "persons.v1.json", "persons.v1.json"),
    "month": (lambda w, a: "2022-03", "2022-03"),  # issue 19: a month of monitoring (not an object)
}


def _retention_run():
    """A finished dry retention run (created on first use: the world has none)."""
    from kuntakokeilu.retention.models import RetentionRun, Status

    run, _created = RetentionRun.objects.get_or_create(
        on=matrix_world.TODAY, dry_run=True, defaults={"status": Status.DONE}
    )
    return run


def _network_member(area):
    """A member of the area's co-operation network (created on first use: the world has none)."""
    from kuntakokeilu.cooperation.models import NetworkMember

    member, _created = NetworkMember.objects.get_or_create(
        trial_area=area, kind="other", name="Matriisin jäsen", defaults={"member_from": matrix_world.TODAY}
    )
    return member


def _network_meeting(area):
    """A meeting of the area's co-operation network with its member present (created on first use)."""
    from kuntakokeilu.cooperation.models import NetworkMeeting

    meeting, created = NetworkMeeting.objects.get_or_create(
        trial_area=area, date=matrix_world.TODAY, defaults={"channel": "remote", "agenda": "1. Avaus"}
    )
    if created:
        meeting.participants.set([_network_member(area)])
    return meeting


def _employer_side(area):
    """An employer of the area's municipality with a vacancy, and a consent and a job offer of the area's
    customer (created on first use: the world has none)."""
    import datetime as dt

    from kuntakokeilu.employers.models import Employer, JobOffer, PresentationConsent, Vacancy
    from kuntakokeilu.regions.models import Municipality

    municipality = Municipality.objects.get(code=area.municipality)
    business_id = {"434": "1618033-3", "205": "2236067-2"}.get(area.municipality, "1414213-0")
    employer, _created = Employer.objects.get_or_create(
        business_id=business_id,
        defaults={"name": f"Matriisi {area.municipality} Oy", "municipality": municipality},
    )
    day = dt.date(2023, 5, 2)
    vacancy, _created = Vacancy.objects.get_or_create(
        employer=employer,
        title="Matriisin työ",
        defaults={
            "municipality": municipality,
            "published_on": day,
            "apply_by": day,
            "assignment_date": day,
            "assignment_text": "Toimeksianto.",
        },
    )
    consent, _created = PresentationConsent.objects.get_or_create(
        person=area.person, given_on=day, defaults={"document": "Suostumus.", "scope": "all"}
    )
    offer, _created = JobOffer.objects.get_or_create(
        person=area.person,
        offered_on=day,
        defaults={
            "job": "Matriisin työ",
            "apply_by": day,
            "offered_by": "authority",
            "municipality": municipality,
        },
    )
    return {"employer": employer, "vacancy": vacancy, "consent": consent, "offer": offer}


def _referral(person):
    """A work trial of the person (created on first use: the world has none)."""
    import datetime as dt

    from kuntakokeilu.referrals.models import Referral

    place = person.facts.current().filter(kind="kotikunta").first().municipality
    referral, _created = Referral.objects.get_or_create(
        person=person,
        kind="work_trial",
        defaults={"provider": "Matriisi", "referred_on": dt.date(2022, 8, 1), "municipality": place},
    )
    return referral


def _benefit_events(person):
    """The person's events that gave a reminder, a statement and a notice (created on first use)."""
    from kuntakokeilu.statements.models import BenefitEvent
    from kuntakokeilu.statements.services import record_event

    events = {}
    for kind, handling in (
        ("discussion_missed", "reminder"),
        ("service_interrupted", "statement"),
        ("other", "notice"),
    ):
        event = BenefitEvent.objects.filter(person=person, source=f"matrix:{kind}").first()
        if event is None:
            event = record_event(person, kind, ON, source=f"matrix:{kind}", facts={}, by=None)
        events[handling] = event
    return events


def _decision(area):
    """A draft benefit decision of the area's person (created on first use: the world has none)."""
    from tests.decisions.factories import draft_decision

    return draft_decision(area.person, area.fact.municipality, area.staff, ON)


def _service_point(area):
    """A service point of the area (created on first use: the world has none)."""
    from kuntakokeilu.service_process.models import ServicePoint

    point, _created = ServicePoint.objects.get_or_create(
        trial_area=area,
        name_fi="Matriisin palvelupiste",
        defaults={
            "municipality": area.members.first().municipality,
            "street_address": "Testikatu 1",
            "postal_code": "00100",
            "opening_hours": "ma–pe 9–15",
        },
    )
    return point


def _plan(a):
    """An employment plan of the area's person with one version (created on first use: the world has none)."""
    from kuntakokeilu.plans.models import Plan, PlanVersion
    from kuntakokeilu.regions.models import Municipality

    plan, created = Plan.objects.get_or_create(
        person=a.person,
        kind="employment",
        defaults={"municipality": Municipality.objects.get(code=a.municipality)},
    )
    if created:
        PlanVersion.objects.create(plan=plan, number=1, agreed_on=ON, review_by=ON, goals="Matriisin tavoite")
    return plan


ARGUMENT = re.compile(r"<(?:\w+:)?(\w+)>")
# their other area is Uusimaa; everyone else's Kainuu
KAINUU_STAFF = {"juha.heikkinen", "ville.hyvonen", "emma.kinnunen"}
KAINUU_STAFF |= {"antti.pulkkinen"}  # issue 18 item 2: Kajaani's approver of benefit decisions
PRINCIPALS = [None, *(row[0] for row in DEMO_USERS)]  # None: an anonymous caller


@dataclass(frozen=True)
class Route:
    route: str
    kind: str
    pattern: object
    name: str

    @cached_property
    def api(self):
        return view_class(self.pattern.callback) if self.kind == "view" else None

    def action(self, method: str) -> str:
        if self.kind == "admin":
            return "access.use_admin_site"
        code = declared_action(self.pattern.callback)
        return getattr(self.api, "method_actions", {}).get(method, code) if self.api else code

    @cached_property
    def keys(self) -> list[tuple[str, str]]:
        """(argument, its key in FACTORIES) for each URL keyword argument."""
        parts = self.route.split("/")
        found = []
        for i, part in enumerate(parts):
            for name in ARGUMENT.findall(part):
                segment = f"{parts[i - 1]}/{name}" if i else name
                key = segment if segment in FACTORIES else name
                assert key in FACTORIES, (
                    f"{self.route}: no factory for the URL keyword argument {name!r}: add one to FACTORIES "
                    f"in tests/access/test_url_matrix.py (as {name!r} or {segment!r})"
                )
                found.append((name, key))
        return found

    @property
    def names_object(self) -> bool:
        """The route answers for one object (R-X-2: refused as if missing)."""
        if self.kind == "admin":
            return False
        if self.api is not None:
            return bool(self.keys) and hasattr(self.api, "get_kk_object")
        return getattr(self.pattern.callback, "kk_get_object", None) is not None

    def url(self, world, area, missing: bool) -> str:
        values = {
            name: FACTORIES[key][1] if missing else FACTORIES[key][0](world, area) for name, key in self.keys
        }
        return "/" + ARGUMENT.sub(lambda m: str(values[m.group(1)]), self.route)


ROUTES = [Route(*r) for r in routes()]


def figures() -> dict[str, int]:
    """The matrix's size: URL patterns, principals, (principal, URL) pairs requested (a route with
    keyword arguments twice: another area's objects and missing ones)."""
    urls = sum(2 if route.keys else 1 for route in ROUTES)
    return {"url_patterns": len(ROUTES), "principals": len(PRINCIPALS), "pairs": urls * len(PRINCIPALS)}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The two areas' objects, built once for the module and rolled back after it."""
    with (
        django_db_blocker.unblock(),
        override_settings(KUNTAKOKEILU_TODAY=ON.isoformat()),
        transaction.atomic(),
    ):
        yield matrix_world.build()
        transaction.set_rollback(True)


@pytest.fixture
def on_today(world):
    # The stand-in worker beats as a live one does: a slow run must not make /healthz find it dead.
    Worker.objects.filter(worker_id=matrix_world.WORKER_ID).update(seen_at=timezone.now())
    with override_settings(KUNTAKOKEILU_TODAY=ON.isoformat()):
        yield


def row_counts() -> tuple[int, ...]:
    """The row count of every table of the project's apps and the users (one query)."""
    tables = [
        m._meta.db_table
        for m in apps.get_models()
        if m.__module__.startswith("kuntakokeilu.") or m._meta.label == "auth.User"
    ]
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {connection.ops.quote_name(t)})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return tuple(cursor.fetchone())


MISSING = object()


def catalogue_object(route: Route, path: str):
    """The object the route's own lookup hands the catalogue, or MISSING."""
    kwargs = resolve(path).kwargs
    request = RequestFactory().get(path)
    try:
        if route.api is not None:
            view = route.api()
            view.args, view.kwargs, view.request = (), kwargs, Request(request)
            return view.get_kk_object()
        return route.pattern.callback.kk_get_object(request, **kwargs)
    except (Http404, APIException):
        return MISSING


def expected(user, route: Route, method: str, path: str):
    """What the catalogue says the caller gets: None (allowed: any answer below 500 but 401/403), or the
    refusal: "sign-in", 401, 403 or 404."""
    code = route.action(method)
    if get_action(code).public:
        return None
    if user is None:
        return 401 if route.api else "sign-in"
    if route.names_object:
        obj = catalogue_object(route, path)
        return 404 if obj is MISSING or not can(user, code, obj, ON) else None
    return None if can(user, code, None, ON) else 403


def check(response, route: Route, want) -> str | None:
    """A failure message, or None."""
    status = response.status_code
    if status >= 500:
        return f"{status} (a server error)"
    if want is None:
        return f"{status} for an allowed caller" if status in (401, 403) else None
    if want == "sign-in":
        sign_in = reverse("admin:login") if route.kind == "admin" else resolve_url(settings.LOGIN_URL)
        ok = status == 302 and response["Location"].startswith(sign_in)
        return None if ok else f"{status} instead of a redirect to {sign_in}"
    if route.kind == "admin" and want == 403:  # Django's site sends non-staff to its own sign-in
        ok = status == 302 and response["Location"].startswith(reverse("admin:login"))
        return None if ok else f"{status} instead of the administration site's sign-in"
    return None if status == want else f"{status} instead of {want}"


def comparable(response, path: str) -> bytes:
    """The body without what differs per request on any page: the CSRF token and the page's own path."""
    body = re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", response.content)
    return body.replace(path.encode(), b"PATH")


def request(client, user, route: Route, path: str) -> tuple[list[str], list, object]:
    """GET the path, and POST to it where the caller is refused: (failures, the answers as (status,
    comparable body), what the GET should be)."""
    failures = []
    got = client.get(path)
    want = expected(user, route, "GET", path)
    problem = check(got, route, want) if got.status_code != 405 else None  # 405 first tells nothing
    if problem:
        failures.append(f"GET {path}: {problem}")
    answer = [(got.status_code, comparable(got, path))]
    if expected(user, route, "POST", path) is not None:
        before = row_counts()
        posted = client.post(path)
        answer.append((posted.status_code, comparable(posted, path)))
        problem = (
            check(posted, route, expected(user, route, "POST", path)) if posted.status_code != 405 else None
        )
        if problem:
            failures.append(f"POST {path}: {problem}")
        if row_counts() != before:
            failures.append(f"POST {path}: a refused POST changed rows")
    return failures, answer, want


def run_matrix(world, username) -> tuple[list[str], int, int]:
    """Every route for one principal: the failures, the (principal, URL) pairs requested and the refused
    objects whose answer was compared with a missing one's."""
    user = get_user_model().objects.get(username=username) if username else None
    client = Client()
    if user:
        client.force_login(user)
    area = world.uusimaa if username in KAINUU_STAFF else world.kainuu
    failures, pairs, compared = [], 0, 0
    for route in ROUTES:
        if not route.keys:
            failures += request(client, user, route, route.url(world, area, False))[0]
            pairs += 1
            continue
        other_failures, other, want = request(client, user, route, route.url(world, area, False))
        missing_failures, missing, _want = request(client, user, route, route.url(world, area, True))
        failures += other_failures + missing_failures
        pairs += 2
        if user and route.names_object and want == 404:
            compared += 1
            if other != missing:
                failures.append(f"{route.route}: a refused object is answered unlike a missing one")
    return failures, pairs, compared


@pytest.mark.parametrize("username", PRINCIPALS, ids=lambda u: u or "anonymous")
def test_every_url_for_every_principal(world, on_today, username):
    """R-X-1, R-X-2: the catalogue's answer on every route, for another area's objects and missing ones."""
    failures, pairs, compared = run_matrix(world, username)
    assert failures == []
    assert pairs * len(PRINCIPALS) == figures()["pairs"]
    assert compared >= (1 if username else 0)


# (username or None, URL name, keyword arguments from the world): a route the role may use, on an object
# of its own area, opens (R-X-1): the matrix above could not pass by refusing everything.
CONTROLS = {
    None: ("web:trial-area", lambda w: [w.kainuu.trial_area.number]),
    "aino.virtanen": ("customers:person", lambda w: [w.uusimaa.person.pk]),
    "mikko.korhonen": ("customers:person", lambda w: [w.uusimaa.person.pk]),
    "linnea.lindqvist": ("customers:person", lambda w: [w.porvoo_person.pk]),
    "juha.heikkinen": ("customers:customer-counts", lambda w: [w.kainuu.trial_area.number]),
    "ville.hyvonen": ("customers:person", lambda w: [w.kainuu.person.pk]),
    "emma.kinnunen": ("customers:person", lambda w: [w.kainuu.person.pk]),
    "sanna.makinen": ("customers:notice-pdf", lambda w: [w.uusimaa.person.pk, w.uusimaa.notice.pk]),
    "kaisa.jarvinen": ("applications:selection", lambda w: [w.round.code]),  # drafts are not hers (issue 15)
    "pekka.nieminen": ("applications:edit", lambda w: [w.uusimaa.application.pk]),
    "elina.laine": ("applications:selection", lambda w: [w.round.code]),
    "tuomas.koskinen": ("evaluation:run", lambda w: [w.run.pk]),
    "admin": ("access:staff-user", lambda w: [w.uusimaa.staff.pk]),
    "heikki.kemppainen": ("funding:ely", lambda w: [w.kainuu.trial_area.ely.code]),  # issue 18: Kainuu ELY
    # issue 18 item 2: the approvers of benefit decisions open their customers' decisions
    "antti.pulkkinen": ("decisions:person", lambda w: [w.kainuu.person.pk]),
    "ulrika.holmstrom": ("decisions:person", lambda w: [w.porvoo_person.pk]),
}


def test_every_principal_has_a_positive_control():
    assert set(CONTROLS) == set(PRINCIPALS)


@pytest.mark.parametrize("username", PRINCIPALS, ids=lambda u: u or "anonymous")
def test_positive_control(world, on_today, username, client):
    """R-X-1: each role opens a route of its own on its own area's object."""
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    name, args = CONTROLS[username]
    assert client.get(reverse(name, args=args(world))).status_code == 200


def test_an_unknown_url_argument_asks_for_a_factory():
    """A view with a new URL keyword argument fails until FACTORIES has a line for it."""
    route = Route("things/<int:thing_id>/", "view", None, "things")
    with pytest.raises(AssertionError, match="add one to FACTORIES"):
        route.keys


def test_the_figures(capsys):
    """The counts docs/security.md quotes; each object route is requested with both kinds of value."""
    counts = figures()
    print(counts)
    assert counts["url_patterns"] == len(routes()) and counts["principals"] == len(DEMO_USERS) + 1
    assert sum(1 for r in ROUTES if r.names_object) >= 20
