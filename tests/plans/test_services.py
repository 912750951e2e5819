"""Recording plans (issue 17 item 1, R-SP-5): all-or-nothing, localised refusals, append-only versions."""

import datetime as dt

import pytest
from django.utils import translation

from kuntakokeilu.plans import services
from kuntakokeilu.plans.models import AppendOnly, Plan, PlanApproval, PlanStep, PlanVersion

from .conftest import TODAY, content

pytestmark = pytest.mark.django_db


def test_a_plan_with_steps_services_and_its_review_date(plan_version):
    """R-SP-5: the version holds its steps, services and the review date of the rule (3 months)."""
    assert plan_version.number == 1
    assert plan_version.review_by == dt.date(2023, 8, 15)
    assert "2:6" in plan_version.review_reference or "2:9" in plan_version.review_reference
    assert [s.responsible for s in plan_version.steps.all()] == ["job_seeker", "case_worker"]
    assert plan_version.services.get().kind == "career_guidance"
    assert plan_version.plan.municipality.code == "091"


def test_a_step_due_before_the_plan_is_refused_and_nothing_saved(world):
    """R-SP-5, issue 17 item 9: a step due before the plan's date → a localised message, no rows."""
    bad = content()
    bad["steps"][1]["due_on"] = dt.date(2023, 5, 1)
    with pytest.raises(services.Refused) as refused:
        services.create_plan(world["aino"], world["helsinki"], "employment", today=TODAY, **bad)
    assert list(refused.value.by_field("fi")) == ["steps.1.due_on"]
    assert refused.value.texts("fi") == [
        "Vaihe 2 on määrä tehdä 1.5.2023, ennen suunnitelman päivämäärää 15.5.2023."
    ]
    assert "före planens datum" in refused.value.texts("sv")[0]
    assert not Plan.objects.exists() and not PlanStep.objects.exists()


def test_a_new_version_is_a_new_row_and_the_old_one_stays(world, plan_version):
    """R-SP-5: versioned, a new version never overwrites; an earlier date than the latest is refused."""
    plan = plan_version.plan
    second = services.add_version(
        world["mikko"], world["helsinki"], plan, today=TODAY, **content(dt.date(2023, 5, 30))
    )
    assert second.number == 2
    assert list(PlanVersion.objects.filter(plan=plan).values_list("number", "agreed_on")) == [
        (1, dt.date(2023, 5, 15)),
        (2, dt.date(2023, 5, 30)),
    ]
    assert plan_version.steps.count() == 2 and second.steps.count() == 2
    with pytest.raises(services.Refused, match="before its latest version"), translation.override("en"):
        services.add_version(
            world["aino"], world["helsinki"], plan, today=TODAY, **content(dt.date(2023, 5, 20))
        )
    with pytest.raises(AppendOnly):
        second.notes = "changed"
        second.save()


def test_a_version_for_another_persons_plan_is_refused(world, plan_version):
    """Issue 17 item 9: the plan must be the person's."""
    with pytest.raises(services.Refused) as refused:
        services.add_version(world["aino"], world["porvoo"], plan_version.plan, today=TODAY, **content())
    assert list(refused.value.by_field()) == ["plan"]
    assert PlanVersion.objects.count() == 1


def test_only_the_customer_municipalitys_staff_record(world):
    """R-X-1: Porvoo's case worker and the TE office do not record a Helsinki customer's plan."""
    for who in ("linnea", "sanna"):
        with pytest.raises(services.Refused):
            services.create_plan(world[who], world["helsinki"], "employment", today=TODAY, **content())
    assert not Plan.objects.exists()


def test_approvals_once_per_party_not_before_the_plan_nor_after_today(world, plan_version):
    """JTYPL 2:12: approved by both; issue 17 item 9: an approval before the plan's date is refused."""
    person = world["helsinki"]
    approve = services.record_approval
    with pytest.raises(services.Refused) as refused:
        approve(
            world["aino"],
            person,
            plan_version,
            today=TODAY,
            party="job_seeker",
            approved_on=dt.date(2023, 5, 14),
            channel="in_person",
        )
    assert "ennen suunnitelman päivämäärää" in refused.value.texts("fi")[0]
    with pytest.raises(services.Refused):
        approve(
            world["aino"],
            person,
            plan_version,
            today=TODAY,
            party="job_seeker",
            approved_on=TODAY + dt.timedelta(days=1),
            channel="in_person",
        )
    approve(
        world["aino"],
        person,
        plan_version,
        today=TODAY,
        party="job_seeker",
        approved_on=dt.date(2023, 5, 15),
        channel="in_person",
    )
    with pytest.raises(services.Refused) as refused:
        approve(
            world["aino"],
            person,
            plan_version,
            today=TODAY,
            party="job_seeker",
            approved_on=dt.date(2023, 5, 16),
            channel="phone",
        )
    assert list(refused.value.by_field()) == ["party"]
    approve(
        world["aino"],
        person,
        plan_version,
        today=TODAY,
        party="case_worker",
        approved_on=dt.date(2023, 5, 15),
        channel="in_person",
    )
    assert PlanApproval.objects.filter(version=plan_version).count() == 2


def test_an_activation_plan_from_2_5_2022_needs_the_job_search_obligation(world):
    """Law notes §3.6: from 2.5.2022 the activation plan includes the job-search obligation."""
    with pytest.raises(services.Refused) as refused:
        services.create_plan(
            world["aino"], world["helsinki"], "activation", today=TODAY, **content(job_search_obligation="")
        )
    assert list(refused.value.by_field()) == ["job_search_obligation"]
    version = services.create_plan(world["aino"], world["helsinki"], "activation", today=TODAY, **content())
    assert version.review_by == dt.date(2023, 8, 15)


def test_values_not_offered_are_refused(world):
    bad = content()
    bad["steps"][0]["responsible"] = "mayor"
    bad["services"][0]["kind"] = "lottery"
    with pytest.raises(services.Refused) as refused:
        services.create_plan(world["aino"], world["helsinki"], "employment", today=TODAY, **bad)
    assert set(refused.value.by_field()) == {"steps.0.responsible", "services.0.kind"}
    with pytest.raises(services.Refused):
        services.create_plan(world["aino"], world["helsinki"], "holiday", today=TODAY, **content())
