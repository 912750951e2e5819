"""The authorisation matrix (R-X-1): every role × every action × an object inside and outside its scope.

Users are the demo's (real places): the Kainuu area manager's area is trial area 7; "inside" and
"outside" are chosen per action so that every role's answer is tested both ways.
"""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from kuntakokeilu.access.actions import CATALOGUE, can
from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.access.models import RoleAssignment
from kuntakokeilu.access.roles import Role, ScopeKind
from kuntakokeilu.regions.models import ElyCentre, Municipality, TrialArea

pytestmark = pytest.mark.django_db
ON = dt.date(2022, 9, 1)

USERS = {
    Role.CASE_WORKER: "aino.virtanen",  # Helsinki
    Role.APPROVER: "mikko.korhonen",  # Helsinki
    Role.AREA_MANAGER: "juha.heikkinen",  # trial area 7 Kainuu
    Role.TE_OFFICE: "sanna.makinen",  # Uusimaa TE office
    Role.ELY: "kaisa.jarvinen",  # Uusimaa ELY centre
    Role.APPLICANT: "pekka.nieminen",  # Loviisa
    Role.MINISTRY: "elina.laine",
    Role.RESEARCHER: "tuomas.koskinen",
    Role.ADMIN: "admin",
}
ALL = set(USERS)
NOBODY: set = set()


def objects():
    user = get_user_model().objects.get
    return {
        "access.manage_staff": (TrialArea.objects.get(number=7), TrialArea.objects.get(number=20)),
        "access.manage_user": (user(username="ville.hyvonen"), user(username="aino.virtanen")),
        "access.give_role": (
            RoleAssignment(
                role=Role.CASE_WORKER,
                scope_kind=ScopeKind.MUNICIPALITY,
                municipality=Municipality.objects.get(code="290"),
                valid_from=ON,
            ),  # Kuhmo
            RoleAssignment(
                role=Role.CASE_WORKER,
                scope_kind=ScopeKind.MUNICIPALITY,
                municipality=Municipality.objects.get(code="091"),
                valid_from=ON,
            ),
        ),
        # --- customers --- (a Helsinki customer inside, a Porvoo job seeker outside: R-X-1)
        **{
            code: (_customer(_person("091", 951), "091"), _person("638", 952))
            for code in ("customers.view_person", "customers.correct_fact", "customers.view_notice")
        },
        # --- service_process --- (a Helsinki customer inside, a Porvoo job seeker outside; Kainuu's area)
        **{
            code: (_customer(_person("091", 955), "091"), _person("638", 956))
            for code in ("service_process.view_deadlines", "service_process.record_meeting")
        },
        "service_process.manage_service_points": (
            TrialArea.objects.get(number=7),
            TrialArea.objects.get(number=20),
        ),
        # issue 16 item 2: the area manager assigns the area's customers (Kainuu inside, Helsinki outside)
        "service_process.assign_customers": (
            TrialArea.objects.get(number=7),
            TrialArea.objects.get(number=20),
        ),
        # the service-need assessment (R-SP-4): a Helsinki customer inside, a Porvoo job seeker outside
        **{
            code: (_customer(_person("091", 957), "091"), _person("638", 958))
            for code in (
                "service_process.view_assessment",
                "service_process.record_assessment",
                "service_process.view_health_needs",
            )
        },
        # --- plans (issue 17 item 1): a Helsinki customer inside, a Porvoo job seeker outside ---
        **{
            code: (_customer(_person("091", 961), "091"), _person("638", 962))
            for code in ("plans.view", "plans.record")
        },
        # the area's staff who record meetings (Helsinki's area inside) and its manager (Kainuu outside)
        "service_process.view_service_points": (
            TrialArea.objects.get(number=20),
            TrialArea.objects.get(number=7),
        ),
        # --- cooperation --- (R-SP-9: the Helsinki area inside, Kainuu outside)
        "cooperation.view": (TrialArea.objects.get(number=20), TrialArea.objects.get(number=7)),
        # the network is kept by the area manager of the area (Kainuu inside, Helsinki outside)
        "cooperation.manage": (TrialArea.objects.get(number=7), TrialArea.objects.get(number=20)),
        # --- monitoring (issue 19): read by the area's ELY centre (Helsinki's area inside) and the ministry;
        # closed and corrected by the area's manager (Kainuu inside, Helsinki outside) ---
        "monitoring.view": (TrialArea.objects.get(number=20), TrialArea.objects.get(number=7)),
        **{
            code: (TrialArea.objects.get(number=7), TrialArea.objects.get(number=20))
            for code in ("monitoring.close", "monitoring.correct")
        },
        # --- referrals (issue 17 items 3 and 6): a Helsinki customer inside, a Porvoo job seeker outside ---
        **{
            code: (_customer(_person("091", 961), "091"), _person("638", 962))
            for code in ("referrals.view", "referrals.record", "service_process.record_end_reason")
        },
        # --- statements (issue 17 item 5) --- (a Helsinki customer inside, a Porvoo job seeker outside;
        # a sent notice to Helsinki's TE office inside, one to Kajaani's outside)
        **{
            code: (_customer(_person("091", 961), "091"), _person("638", 962))
            for code in ("statements.view", "statements.record")
        },
        "statements.view_notices": (_te_notice("091"), _te_notice("205")),
        # --- customers: due transfers --- (a Helsinki customer's move inside, a TE-office one outside)
        **{
            code: _due_transfers()
            for code in (
                "customers.view_due_transfers",
                "customers.complete_transfer",
                "customers.keep_with_te_office",
            )
        },
        # --- customers: transfer requests --- (R-TG-5: a Helsinki customer / a Vantaa customer's move to
        # Helsinki inside; a Porvoo job seeker / a Kuhmo customer's move to Kajaani outside)
        "customers.record_request": (_customer(_person("091", 951), "091"), _person("638", 952)),
        **{code: _requests() for code in ("customers.answer_request", "customers.decide_request")},
        # --- customers: customer counts --- (the Helsinki area inside, Kainuu outside)
        "customers.view_customer_counts": (TrialArea.objects.get(number=20), TrialArea.objects.get(number=7)),
        # --- applications --- (a Loviisa application inside, a Kotka one outside: R-APP-2, R-X-1)
        **{
            code: (_application("434"), _application("285"))
            for code in ("applications.view", "applications.apply", "applications.request_supplement")
        },
        # --- employers (R-SP-7) --- (a Helsinki employer inside, a Kajaani one outside; a Helsinki customer
        # inside, a Porvoo job seeker outside)
        **{code: (_employer("091"), _employer("205")) for code in ("employers.view", "employers.manage")},
        **{
            code: (_customer(_person("091", 961), "091"), _person("638", 962))
            for code in (
                "employers.view_offers",
                "employers.record_offer",
                "employers.record_consent",
                "employers.present",
            )
        },
        # --- funding --- (issue 18 items 3 and 5: the Uusimaa ELY centre inside, Kainuu's outside; trial
        # areas: Kainuu 7 and Helsinki 20, as each action's "inside" and "outside")
        **{
            code: (ElyCentre.objects.get(code="01"), ElyCentre.objects.get(code="14"))
            for code in ("funding.allocate", "funding.set_quotas")
        },
        **{
            code: (TrialArea.objects.get(number=7), TrialArea.objects.get(number=20))
            for code in (
                "funding.view_quotas",
                "funding.record_own_funding",
                "funding.view_own_funding",
                "funding.import_payments",
            )
        },
        "funding.record_person_years": (TrialArea.objects.get(number=20), TrialArea.objects.get(number=7)),
        # --- decisions --- (issue 18 item 2: a Helsinki customer inside, a Porvoo job seeker outside)
        **{
            code: (_customer(_person("091", 961), "091"), _person("638", 962))
            for code in ("decisions.view", "decisions.prepare", "decisions.accept")
        },
    }


def _employer(kunta_code: str):
    """An unsaved employer of the municipality (the scope reads only its municipality)."""
    from kuntakokeilu.employers.models import Employer

    return Employer(
        business_id="0201256-6", name="Matriisi Oy", municipality=Municipality.objects.get(code=kunta_code)
    )


def _te_notice(kunta_code: str):
    """A notice sent to the TE office of the municipality's area (unsaved: the scope reads the office)."""
    from kuntakokeilu.regions.queries import te_office_of
    from kuntakokeilu.statements.models import Status, TeOfficeNotice

    return TeOfficeNotice(status=Status.SENT, handler_te_office=te_office_of(kunta_code, ON))


def _application(lead_code: str):
    from kuntakokeilu.applications.models import Application, Round

    round_, _created = Round.objects.get_or_create(
        code="matrix-2019",
        defaults={
            "name_fi": "Haku",
            "name_sv": "Ansökan",
            "opens": dt.date(2019, 10, 8),
            "closes": dt.date(2019, 11, 19),
            "population_date": dt.date(2018, 12, 31),
            "planned_pilot_start": dt.date(2021, 3, 1),
            "statistics_month": "2019-09",
        },
    )
    lead = Municipality.objects.get(code=lead_code)
    application, _created = Application.objects.get_or_create(
        round=round_,
        lead=lead,
        name=lead.name_fi,
        defaults={"status": "submitted"},  # drafts: applicants' only
    )
    application.municipalities.set([lead])
    return application


def _person(kunta_code: str, number: int):
    from kuntakokeilu.customers.identity import make_henkilotunnus
    from kuntakokeilu.customers.models import Fact, FactKind, Person

    code = make_henkilotunnus(dt.date(1984, 3, 12), number)
    person, _created = Person.objects.get_or_create(
        henkilotunnus=code,
        defaults={"birth_date": dt.date(1984, 3, 12), "first_name": "Testi", "last_name": "Henkilö"},
    )
    Fact.objects.get_or_create(
        person=person,
        kind=FactKind.KOTIKUNTA,
        valid_from=dt.date(2021, 1, 1),
        municipality=Municipality.objects.get(code=kunta_code),
    )
    return person


def _customer(person, kunta_code: str):
    """R-X-1: municipal staff see their municipality's customers."""
    from kuntakokeilu.customers import customerships
    from kuntakokeilu.customers.models import Ground

    responsible = {"type": "municipality", "kunta_code": kunta_code}
    customerships.start(
        person, on=dt.date(2021, 3, 1), ground=Ground.INITIAL_TRANSFER, outcome=None, responsible=responsible
    )
    return person


def _due_transfers():
    """A kotikunta change of a Helsinki customer (Helsinki makes it) and a registration the Uusimaa TE
    office makes (L1269 s. 5; R-TG-4, R-TG-5)."""
    from kuntakokeilu.customers.models import DueTransfer
    from kuntakokeilu.regions.models import TeOffice

    helsinki = DueTransfer(handler_municipality=Municipality.objects.get(code="091"))
    uusimaa = DueTransfer(handler_te_office=TeOffice.objects.get(code="01"))
    return helsinki, uusimaa


def _requests():
    """Unsaved requests to move to another trial municipality (R-TG-5): a Vantaa customer's to Helsinki
    (Helsinki accepts, the Uusimaa TE office decides) and a Kuhmo customer's to Kajaani (Kainuu)."""
    from kuntakokeilu.customers.models import Ground, RequestStatus, TransferRequest
    from kuntakokeilu.regions.queries import te_office_of

    def request(kunta_code, number, receiver):
        return TransferRequest(
            person=_customer(_person(kunta_code, number), kunta_code),
            ground=Ground.REQUEST_TO_MUNICIPALITY,
            municipality=Municipality.objects.get(code=receiver),
            handler_te_office=te_office_of(kunta_code, ON),
            status=RequestStatus.PENDING,
        )

    return request("092", 953, "091"), request("290", 954, "205")


# action: (roles allowed on the object inside, roles allowed on the object outside, anonymous allowed)
EXPECTED = {
    "web.view_public": (ALL, ALL, True),
    "web.set_language": (ALL, ALL, True),
    "regions.view_reference": (ALL, ALL, True),
    "access.sign_in": (ALL, ALL, True),
    "api.view_schema": (ALL, ALL, True),
    "publicstats.view": (ALL, ALL, True),  # issue 19: the public comparison statistics
    "web.view_home": (ALL, ALL, False),
    "api.view_own_account": (ALL, ALL, False),
    "access.use_admin_site": ({Role.ADMIN}, {Role.ADMIN}, False),
    "access.manage_staff": ({Role.ADMIN, Role.AREA_MANAGER}, {Role.ADMIN}, False),
    "access.manage_user": ({Role.ADMIN, Role.AREA_MANAGER}, {Role.ADMIN}, False),
    "access.give_role": ({Role.ADMIN, Role.AREA_MANAGER}, {Role.ADMIN}, False),
    # --- customers --- (the Kainuu area manager's own persons: tests/customers/test_access.py)
    "customers.search": (
        {Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER, Role.TE_OFFICE},
        {Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER, Role.TE_OFFICE},
        False,
    ),
    "customers.view_person": ({Role.CASE_WORKER, Role.APPROVER, Role.TE_OFFICE}, {Role.TE_OFFICE}, False),
    "customers.correct_fact": ({Role.CASE_WORKER, Role.APPROVER}, NOBODY, False),
    "customers.import": ({Role.ADMIN}, {Role.ADMIN}, False),
    # --- customers: transfers --- (a notice's readers are the person's: R-TG-7, R-X-1)
    "customers.view_notice": ({Role.CASE_WORKER, Role.APPROVER, Role.TE_OFFICE}, {Role.TE_OFFICE}, False),
    # --- customers: due transfers --- (the worklist of R-TG-4: whoever must make the transfer)
    "customers.view_due_transfers": ({Role.CASE_WORKER, Role.APPROVER}, {Role.TE_OFFICE}, False),
    "customers.complete_transfer": ({Role.CASE_WORKER, Role.APPROVER}, {Role.TE_OFFICE}, False),
    # issue 14: only the TE office keeps a person, on its own due transfers (L1269 s. 5 mom 3/5)
    "customers.keep_with_te_office": (NOBODY, {Role.TE_OFFICE}, False),
    # --- customers: customer counts --- (aggregates: area manager, ministry, the area's ELY and TE office)
    "customers.view_customer_counts": (
        {Role.MINISTRY, Role.ELY, Role.TE_OFFICE},
        {Role.MINISTRY, Role.AREA_MANAGER},
        False,
    ),
    # --- customers: transfer requests --- (R-TG-5: recorded for the customer, accepted by the receiver,
    # decided by the TE office of the person's place)
    "customers.record_request": ({Role.CASE_WORKER, Role.TE_OFFICE}, {Role.TE_OFFICE}, False),
    "customers.view_requests": (
        {Role.TE_OFFICE, Role.APPROVER, Role.AREA_MANAGER},
        {Role.TE_OFFICE, Role.APPROVER, Role.AREA_MANAGER},
        False,
    ),
    "customers.answer_request": ({Role.APPROVER}, {Role.AREA_MANAGER}, False),
    "customers.decide_request": ({Role.TE_OFFICE}, NOBODY, False),
    "access.read_log": ({Role.ADMIN}, {Role.ADMIN}, False),
    "access.access_request": ({Role.ADMIN}, {Role.ADMIN}, False),
    "access.view_catalogue": ({Role.ADMIN}, {Role.ADMIN}, False),
    # --- applications --- (the applicant is Loviisa's, the ELY official Uusimaa's)
    "applications.view": ({Role.MINISTRY, Role.ELY, Role.APPLICANT}, {Role.MINISTRY}, False),
    "applications.apply": ({Role.APPLICANT}, NOBODY, False),
    "applications.request_supplement": ({Role.MINISTRY, Role.ELY}, {Role.MINISTRY}, False),
    "applications.select": ({Role.MINISTRY, Role.ELY}, {Role.MINISTRY, Role.ELY}, False),
    "applications.decide": ({Role.MINISTRY}, {Role.MINISTRY}, False),
    # --- evaluation --- (R-EVAL-3: researchers and the ministry; ELY does not see runs)
    "evaluation.view_runs": ({Role.RESEARCHER, Role.MINISTRY}, {Role.RESEARCHER, Role.MINISTRY}, False),
    "evaluation.run": ({Role.RESEARCHER, Role.MINISTRY}, {Role.RESEARCHER, Role.MINISTRY}, False),
    # --- jobs --- (the background tasks: admins only)
    "jobs.view_jobs": ({Role.ADMIN}, {Role.ADMIN}, False),
    # --- retention --- (issue 20 item 3: the runs and their counts, admins only)
    "retention.view_runs": ({Role.ADMIN}, {Role.ADMIN}, False),
    "retention.run": ({Role.ADMIN}, {Role.ADMIN}, False),
    "exchange.view_jobs": ({Role.ADMIN}, {Role.ADMIN}, False),  # issue 20 item 1
    "exchange.run": ({Role.ADMIN}, {Role.ADMIN}, False),
    # --- whatif --- (issue 13: ministry and researchers; ELY officials, who see their own area's rows;
    # those who may see persons read their own scope's rows and open the persons who change side)
    "whatif.view": (
        {Role.MINISTRY, Role.RESEARCHER, Role.ELY, Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER}
        | {Role.TE_OFFICE},
        {Role.MINISTRY, Role.RESEARCHER, Role.ELY, Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER}
        | {Role.TE_OFFICE},
        False,
    ),
    "whatif.view_changes": (
        {Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER, Role.TE_OFFICE},
        {Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER, Role.TE_OFFICE},
        False,
    ),
    "whatif.run": (
        {Role.MINISTRY, Role.RESEARCHER, Role.ELY},
        {Role.MINISTRY, Role.RESEARCHER, Role.ELY},
        False,
    ),
    # --- service_process --- (issue 16: a person's deadlines as the person's data; meetings recorded by the
    # municipality's staff; service points and the first-contact target by the area manager)
    "service_process.view_deadlines": (
        {Role.CASE_WORKER, Role.APPROVER, Role.TE_OFFICE},
        {Role.TE_OFFICE},
        False,
    ),
    "service_process.record_meeting": ({Role.CASE_WORKER, Role.APPROVER}, NOBODY, False),
    "service_process.manage_service_points": ({Role.AREA_MANAGER}, NOBODY, False),
    "service_process.view_worklist": (
        {Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER},
        {Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER},
        False,
    ),
    # R-SP-2: assignment and bulk reassignment of customers by the area manager of the area
    "service_process.assign_customers": ({Role.AREA_MANAGER}, NOBODY, False),
    # the service-need assessment (R-SP-4): the area manager of Kainuu sees a Kainuu customer's (tested in
    # tests/service_process/test_assessment.py and tests/api/test_service_process_assessments.py), the TE
    # office none; the special-category part and the recording only the customer municipality's staff
    "service_process.view_assessment": ({Role.CASE_WORKER, Role.APPROVER}, NOBODY, False),
    "service_process.record_assessment": ({Role.CASE_WORKER, Role.APPROVER}, NOBODY, False),
    "service_process.view_health_needs": ({Role.CASE_WORKER, Role.APPROVER}, NOBODY, False),
    # issue 16 item 5: the area's service points for those who record meetings there and its manager
    "service_process.view_service_points": ({Role.CASE_WORKER, Role.APPROVER}, {Role.AREA_MANAGER}, False),
    # --- cooperation --- (R-SP-9, L1269 s. 21: the area's own staff, the ELY centre's and TE office's
    # officials of the area and the ministry see the network; the area manager of the area keeps it)
    "cooperation.view": (
        {Role.CASE_WORKER, Role.APPROVER, Role.TE_OFFICE, Role.ELY, Role.MINISTRY},
        {Role.AREA_MANAGER, Role.MINISTRY},
        False,
    ),
    "cooperation.manage": ({Role.AREA_MANAGER}, NOBODY, False),
    # R-SP-7: employers and vacancies for the municipality's staff and the area's manager (Kainuu outside);
    # a job seeker's consents, presentations and offers only for the customer municipality's staff
    "employers.view": ({Role.CASE_WORKER, Role.APPROVER}, {Role.AREA_MANAGER}, False),
    "employers.manage": ({Role.CASE_WORKER, Role.APPROVER}, {Role.AREA_MANAGER}, False),
    "employers.view_offers": ({Role.CASE_WORKER, Role.APPROVER}, NOBODY, False),
    "employers.record_offer": ({Role.CASE_WORKER, Role.APPROVER}, NOBODY, False),
    "employers.record_consent": ({Role.CASE_WORKER, Role.APPROVER}, NOBODY, False),
    "employers.present": ({Role.CASE_WORKER, Role.APPROVER}, NOBODY, False),
    # --- referrals (issue 17 item 3): a person's services as the person's data; recorded by the customer
    # municipality's case workers and approvers; why a job search ended (item 6) by the same
    "referrals.view": ({Role.CASE_WORKER, Role.APPROVER, Role.TE_OFFICE}, {Role.TE_OFFICE}, False),
    "referrals.record": ({Role.CASE_WORKER, Role.APPROVER}, NOBODY, False),
    "service_process.record_end_reason": ({Role.CASE_WORKER, Role.APPROVER}, NOBODY, False),
    # --- statements --- (issue 17 item 5: the customer municipality's case workers and approvers; the TE
    # office sees the notices sent to it, in its own area)
    "statements.view": ({Role.CASE_WORKER, Role.APPROVER}, NOBODY, False),
    "statements.record": ({Role.CASE_WORKER, Role.APPROVER}, NOBODY, False),
    "statements.view_notices": ({Role.TE_OFFICE}, NOBODY, False),
    # --- plans (issue 17 item 1): seen as the assessment is, recorded by the customer municipality's staff;
    # the TE office none (L1269 s. 9); tests/plans/test_pages.py and tests/api/test_plans_api.py ---
    "plans.view": ({Role.CASE_WORKER, Role.APPROVER}, NOBODY, False),
    "plans.record": ({Role.CASE_WORKER, Role.APPROVER}, NOBODY, False),
    # --- funding --- (issue 18 items 3 and 5, R-RES-1/3/4: the ministry allocates; an ELY centre's
    # officials set its trial areas' quotas and record their state staff; quotas seen by the ministry, the
    # ELY centre and the area's manager; own funding recorded by the area manager, seen also by the ministry
    # and the ELY centre)
    "funding.allocate": ({Role.MINISTRY}, {Role.MINISTRY}, False),
    "funding.set_quotas": ({Role.ELY}, NOBODY, False),
    "funding.view_quotas": ({Role.MINISTRY, Role.AREA_MANAGER}, {Role.MINISTRY, Role.ELY}, False),
    "funding.record_person_years": ({Role.ELY}, NOBODY, False),
    "funding.record_own_funding": ({Role.AREA_MANAGER}, NOBODY, False),
    "funding.view_own_funding": ({Role.MINISTRY, Role.AREA_MANAGER}, {Role.MINISTRY, Role.ELY}, False),
    # issue 18 item 4: payments imported by the area's manager and an administrator
    "funding.import_payments": ({Role.AREA_MANAGER, Role.ADMIN}, {Role.ADMIN}, False),
    # --- decisions --- (issue 18 item 2: the person's decisions seen by the staff who may see the person;
    # prepared by the customer municipality's case workers, accepted by its approvers — maker–checker in
    # tests/decisions; the letter templates edited by area managers and admins)
    "decisions.view": ({Role.CASE_WORKER, Role.APPROVER}, NOBODY, False),
    "decisions.prepare": ({Role.CASE_WORKER}, NOBODY, False),
    "decisions.accept": ({Role.APPROVER}, NOBODY, False),
    "decisions.manage_templates": ({Role.AREA_MANAGER, Role.ADMIN}, {Role.AREA_MANAGER, Role.ADMIN}, False),
    # --- monitoring --- (issue 19: the area's months read by its ELY centre and the ministry, closed by its
    # manager; the full recompute by admins)
    "monitoring.view": ({Role.MINISTRY, Role.ELY}, {Role.MINISTRY, Role.AREA_MANAGER}, False),
    "monitoring.close": ({Role.AREA_MANAGER}, NOBODY, False),
    "monitoring.correct": ({Role.AREA_MANAGER}, NOBODY, False),
    "monitoring.recompute_all": ({Role.ADMIN}, {Role.ADMIN}, False),
}


def test_the_matrix_covers_the_whole_catalogue():
    assert set(EXPECTED) == set(CATALOGUE)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_matrix(code):
    ensure_demo_users()
    inside, outside = objects().get(code, (None, None))
    allowed_inside, allowed_outside, anonymous = EXPECTED[code]
    users = {role: get_user_model().objects.get(username=name) for role, name in USERS.items()}
    got_inside = {role for role, user in users.items() if can(user, code, inside, ON)}
    got_outside = {role for role, user in users.items() if can(user, code, outside, ON)}
    assert (got_inside, got_outside) == (allowed_inside, allowed_outside)
    assert can(AnonymousUser(), code, inside, ON) is anonymous
