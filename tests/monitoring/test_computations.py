"""Each computed indicator on constructed records with known answers, numerator and denominator apart
(R-MON-1; issue 19). The month is March 2022."""

import datetime as dt

import pytest

from kuntakokeilu.customers.models import Ground
from kuntakokeilu.decisions.models import Decision, Instrument, Status
from kuntakokeilu.monitoring.computations import COMPUTATIONS, Row
from kuntakokeilu.monitoring.declarations import indicators
from kuntakokeilu.plans.models import Kind, Plan, PlanVersion
from kuntakokeilu.referrals.models import Referral, ServiceKind
from kuntakokeilu.service_process.models import Channel, DueItem, EndReason, JobSearchEndReason, Meeting

from .made import D, customership, kunta, person, staff

pytestmark = pytest.mark.django_db
FIRST, LAST = D(2022, 3, 1), D(2022, 3, 31)


def rows(code: str) -> dict[tuple[str, str], tuple[int, int | None]]:
    return {
        (r.municipality, r.breakdown): (r.numerator, r.denominator) for r in COMPUTATIONS[code](FIRST, LAST)
    }


def test_every_indicator_with_a_source_has_its_computation_and_none_without():
    declared = {i.code for i in indicators() if i.has_source}
    assert declared == set(COMPUTATIONS)
    assert {"customer_satisfaction", "open_employment_after_service"} <= {
        i.code for i in indicators() if not i.has_source
    }


def test_customer_stock_and_flows_in_and_out_by_ground():
    a, b, c, d = person(), person(), person(), person()
    customership(a, "205", D(2021, 3, 1))  # in the stock, began before the month
    customership(b, "205", D(2022, 3, 10), ground=Ground.NEW_REGISTRATION)  # in, and in the stock
    customership(c, "205", D(2021, 3, 1), D(2022, 3, 14))  # out: job search ended
    customership(c, None, D(2022, 3, 15), ground=Ground.JOB_SEARCH_ENDED)
    customership(d, "290", D(2021, 3, 1), D(2022, 2, 28))  # out before the month: nowhere
    customership(d, "205", D(2022, 3, 1), ground=Ground.CHANGE_OF_KOTIKUNTA)  # in on the first day
    assert rows("customers_stock") == {("205", ""): (3, None)}
    assert rows("customers_in") == {
        ("205", "ground=new_registration"): (1, None),
        ("205", "ground=change_of_kotikunta"): (1, None),
        ("205", ""): (2, None),
    }
    assert rows("customers_out") == {("205", "ground=job_search_ended"): (1, None), ("205", ""): (1, None)}


def _due(who, kind: str, due_by: dt.date, done_on=None, cancelled_on=None, code="205"):
    return DueItem.objects.create(
        person=who,
        type=kind,
        event_date=due_by - dt.timedelta(days=14),
        due_by=due_by,
        done_on=done_on,
        cancelled_on=cancelled_on,
        handler_municipality=kunta(code),
        reference="-",
        rule_version="test",
    )


def test_initial_interview_first_contact_and_discussions_within_the_deadline():
    p = person()
    _due(p, "initial_interview", D(2022, 3, 10), done_on=D(2022, 3, 10))  # on the day: in time
    _due(p, "first_interview", D(2022, 3, 20), done_on=D(2022, 3, 21))  # a day late
    _due(p, "initial_interview", D(2022, 3, 25))  # never held
    _due(p, "initial_interview", D(2022, 3, 26), cancelled_on=D(2022, 3, 1))  # no longer due: not counted
    _due(p, "initial_interview", D(2022, 4, 2), done_on=D(2022, 3, 30))  # due next month
    _due(p, "area_first_contact", D(2022, 3, 5), done_on=D(2022, 3, 4), code="638")
    _due(p, "job_search_discussion", D(2022, 3, 5), done_on=D(2022, 3, 4))
    _due(p, "supplementary_discussion", D(2022, 3, 6), done_on=D(2022, 3, 8))
    assert rows("initial_interview_on_time") == {("205", ""): (1, 3)}
    assert rows("first_contact_on_time") == {("638", ""): (1, 1)}
    assert rows("discussions_on_time") == {("205", ""): (1, 2)}


def _meeting(who, day, channel, no_show=False, code="205"):
    return Meeting.objects.create(
        person=who,
        type="job_search_discussion",
        date=day,
        channel=channel,
        no_show=no_show,
        municipality=kunta(code),
    )


def test_face_to_face_share_leaves_no_shows_out():
    p = person()
    _meeting(p, D(2022, 3, 2), Channel.FACE_TO_FACE)
    _meeting(p, D(2022, 3, 3), Channel.FACE_TO_FACE, no_show=True)
    _meeting(p, D(2022, 3, 4), Channel.PHONE)
    _meeting(p, D(2022, 3, 5), Channel.VIDEO)
    _meeting(p, D(2022, 4, 1), Channel.FACE_TO_FACE)
    _meeting(p, D(2022, 3, 9), Channel.PHONE, code="091")
    assert rows("face_to_face_share") == {
        ("205", "channel=face_to_face"): (1, 3),
        ("205", "channel=phone"): (1, 3),
        ("205", "channel=video"): (1, 3),
        ("205", "channel=e_service"): (0, 3),
        ("205", ""): (1, 3),
        ("091", "channel=face_to_face"): (0, 1),
        ("091", "channel=phone"): (1, 1),
        ("091", "channel=video"): (0, 1),
        ("091", "channel=e_service"): (0, 1),
        ("091", ""): (0, 1),
    }


def _plan(who, agreed_on, review_by):
    plan = Plan.objects.create(person=who, kind=Kind.EMPLOYMENT, municipality=kunta("205"))
    return PlanVersion.objects.create(
        plan=plan, number=1, agreed_on=agreed_on, review_by=review_by, goals="x"
    )


def test_plans_in_force_over_the_customers_at_the_months_end():
    a, b, c, d = person(), person(), person(), person()
    for p in (a, b, c):
        customership(p, "205", D(2021, 3, 1))
    customership(d, "205", D(2021, 3, 1), D(2022, 3, 30))  # left before the month's end
    _plan(a, D(2022, 1, 10), D(2022, 6, 30))  # in force
    _plan(b, D(2021, 6, 1), D(2022, 3, 1))  # review overdue at the month's end
    _plan(c, D(2022, 4, 2), None)  # agreed after the month
    _plan(d, D(2022, 1, 1), None)  # not a customer at the month's end
    assert rows("plans_in_force") == {("205", ""): (1, 3)}


def test_service_starts_by_service():
    p = person()
    for kind, started in (
        (ServiceKind.LABOUR_MARKET_TRAINING, D(2022, 3, 7)),
        (ServiceKind.LABOUR_MARKET_TRAINING, D(2022, 3, 31)),
        (ServiceKind.JOB_SEARCH_COACHING, D(2022, 3, 1)),
        (ServiceKind.JOB_SEARCH_COACHING, D(2022, 2, 28)),
        (ServiceKind.JOB_SEARCH_COACHING, None),
    ):
        Referral.objects.create(
            person=p,
            kind=kind,
            provider="x",
            referred_on=D(2022, 2, 1),
            municipality=kunta("205"),
            started_on=started,
        )
    assert rows("service_starts") == {
        ("205", "kind=labour_market_training"): (2, None),
        ("205", "kind=job_search_coaching"): (1, None),
        ("205", ""): (3, None),
    }


def test_job_search_ended_by_reason_and_exits_to_work_or_education():
    for reason, day in (
        (EndReason.OPEN_MARKET, D(2022, 3, 3)),
        (EndReason.EDUCATION, D(2022, 3, 4)),
        (EndReason.MOVED, D(2022, 3, 5)),
        (EndReason.OUTSIDE_LABOUR_FORCE, D(2022, 3, 6)),
        (EndReason.OPEN_MARKET, D(2022, 4, 1)),
    ):
        JobSearchEndReason.objects.create(
            person=person(), ended_on=day, reason=reason, municipality=kunta("638")
        )
    assert rows("job_search_ended") == {
        ("638", "reason=open_market"): (1, None),
        ("638", "reason=education"): (1, None),
        ("638", "reason=moved"): (1, None),
        ("638", "reason=outside_labour_force"): (1, None),
        ("638", ""): (4, None),
    }
    assert rows("exits_to_work_or_education") == {("638", ""): (2, 4)}


def test_benefit_decisions_accepted_in_the_month():
    p, maker = person(), staff()
    for status, approved_on in (
        (Status.ACCEPTED, D(2022, 3, 2)),
        (Status.CORRECTED, D(2022, 3, 3)),
        (Status.DRAFT, None),
        (Status.ACCEPTED, D(2022, 2, 28)),
    ):
        Decision.objects.create(
            person=p,
            instrument=Instrument.WAGE_SUBSIDY,
            municipality=kunta("205"),
            decision_date=D(2022, 3, 1),
            status=status,
            approved_on=approved_on,
            prepared_by=maker,
        )
    assert rows("benefit_decisions_accepted") == {
        ("205", "instrument=wage-subsidy"): (2, None),
        ("205", ""): (2, None),
    }


def test_rows_are_plain_values():
    assert Row("205", "", 1) == Row("205", "", 1, None)
