"""The deadline engine of the service process (R-SP-1): the issue's examples, the three regimes across
2.5.2022, the end-of-period rule of Act 150/1930 s. 5, the Nordic schedule, TYP, the activation plan and
integration, and the trial area's first-contact target beside the statutory floor."""

import datetime as dt

import pytest

from kuntakokeilu.rules.parameters import default_store
from kuntakokeilu.service_process.deadlines import add_months, decide

pytestmark = pytest.mark.nodb
D = dt.date.fromisoformat


def facts(start, **extra):
    base = {
        "job_search_start": D(start),
        "unemployment_start": D(start),
        "job_search_end": None,
        "previous_job_search_end": None,
        "status": "unemployed",
        "laid_off": False,
        "laid_off_block_requested": False,
        "birth_date": None,
        "lms_days": None,
        "integration_start": None,
        "events": [],
        "services": [],
        "area_first_contact_days": None,
    }
    for key, value in extra.items():
        if key == "events":
            value = [{"type": t, "date": D(d)} for t, d in value]
        elif key == "services":
            value = [{"start": D(s), "expected_end": D(e)} for s, e in value]
        elif isinstance(value, str) and key != "status":
            value = D(value)
        base[key] = value
    return base


def run(start, on, **extra):
    decision = decide(facts(start, **extra), D(on), default_store())
    items = {item["type"]: item for item in decision.result["due"]}
    checks = {check.code: check for check in decision.checks}
    return decision.result["regime"], items, checks


def test_friday_23_12_2022_initial_interview_due_monday_2_1_2023():
    """R-SP-1: 5 working days, the start day not counted; 24–26.12., 31.12. and 1.1. are skipped."""
    regime, items, checks = run("2022-12-23", "2022-12-23")
    assert regime == "nordic"
    assert items["initial_interview"]["due_date"] == D("2023-01-02")
    assert items["initial_interview"]["state"] == "open"
    assert items["initial_interview"]["reference"] == "JTYPL 2:5 §1 (1379/2021)"
    check = checks["due_initial_interview"]
    assert D("2022-12-26") in check.found["days_skipped"]
    assert [(p.name, p.value) for p in check.parameters] == [
        ("service_process.initial_interview_working_days", 5)
    ]
    fi = check.message.render("fi")
    assert "26.12.2022" in fi and "2.1.2023" in fi and "Alkuhaastattelu" in fi
    assert "Inledande intervju" in check.message.render("sv")
    assert "5 working days" in check.message.render("en")


def test_wednesday_22_6_2022_due_thursday_30_6_2022_midsummer_eve_skipped():
    regime, items, checks = run("2022-06-22", "2022-06-22")
    assert regime == "nordic"
    assert items["initial_interview"]["due_date"] == D("2022-06-30")
    assert D("2022-06-24") in checks["due_initial_interview"].found["days_skipped"]


def test_wednesday_18_12_2024_due_monday_30_12_2024_christmas_skipped():
    _regime, items, checks = run("2024-12-18", "2024-12-18")
    assert items["initial_interview"]["due_date"] == D("2024-12-30")
    skipped = checks["due_initial_interview"].found["days_skipped"]
    assert {D("2024-12-24"), D("2024-12-25"), D("2024-12-26")} <= set(skipped)


def test_pre_nordic_13_4_2022_on_20_4_2022_first_interview_due_27_4_2022():
    regime, items, checks = run("2022-04-13", "2022-04-20")
    assert regime == "pre_nordic"
    assert items["first_interview"]["due_date"] == D("2022-04-27")
    assert items["first_interview"]["reference"] == "JTYPL 916/2012 2:4 §1 (1456/2016)"
    assert "initial_interview" not in items
    assert checks["due_first_interview"].found["days_skipped"] == []
    assert items["periodic_interview"]["due_date"] == D("2022-07-13")


def test_a_calendar_period_ending_on_good_friday_ends_on_the_tuesday_after_easter():
    """Act 150/1930 s. 5: 1.4.2022 + 2 weeks = Good Friday 15.4.; Saturday, Easter Sunday, Monday follow."""
    _regime, items, checks = run("2022-04-01", "2022-04-05")
    assert items["first_interview"]["due_date"] == D("2022-04-19")
    check = checks["due_first_interview"]
    assert check.found["period_end"] == D("2022-04-15")
    assert check.found["days_skipped"] == [D("2022-04-15"), D("2022-04-16"), D("2022-04-17"), D("2022-04-18")]
    assert "150/1930" in check.message.render("en") and "19.4.2022" in check.message.render("fi")


# --- across 2.5.2022 ------------------------------------------------------------------------------------


def test_the_regime_turns_on_2_5_2022_by_the_date_and_the_start_of_the_job_search():
    assert run("2022-04-29", "2022-05-01")[0] == "pre_nordic"
    assert run("2022-04-29", "2022-05-02")[0] == "transition"
    assert run("2022-05-02", "2022-05-02")[0] == "nordic"


def test_registered_29_4_2022_without_an_interview_keeps_the_two_week_deadline_after_2_5_2022():
    """The project's reading (the transitional provisions are silent), said in the explanation."""
    regime, items, checks = run("2022-04-29", "2022-05-03")
    assert regime == "transition"
    assert items["first_interview"]["due_date"] == D("2022-05-13")
    assert "project's reading" in checks["due_first_interview"].message.render("en")
    assert items["job_search_discussion"] == {
        "type": "job_search_discussion",
        "due_date": None,
        "count": None,
        "state": "open",
        "reference": items["job_search_discussion"]["reference"],
    }


def test_registered_2_5_2022_gets_the_initial_interview_in_five_working_days():
    _regime, items, _checks = run("2022-05-02", "2022-05-02")
    assert items["initial_interview"]["due_date"] == D("2022-05-09")
    assert "first_interview" not in items


def test_transition_job_search_discussion_counts_from_the_last_old_style_interview():
    _regime, items, _checks = run(
        "2022-01-10",
        "2022-05-20",
        events=[("periodic_interview", "2022-01-20"), ("periodic_interview", "2022-04-11")],
    )
    assert items["first_interview"]["state"] == "done"
    assert items["job_search_discussion"]["due_date"] == D("2022-07-11")
    assert items["job_search_discussion"]["state"] == "open"


def test_transition_pair_once_a_discussion_is_held_and_six_months_of_unemployment():
    _regime, items, checks = run(
        "2022-01-10",
        "2022-09-01",
        events=[
            ("periodic_interview", "2022-01-20"),
            ("job_search_discussion", "2022-06-01"),
            ("supplementary_discussion", "2022-07-15"),
        ],
    )
    pair = items["supplementary_pair"]
    # unemployment 10.1.2022 + 6 months = 10.7.2022 (after the discussion of 1.6.): due within a month
    assert (pair["due_date"], pair["count"], pair["state"]) == (D("2022-08-10"), 1, "overdue")
    assert checks["due_supplementary_pair"].status == "warn"
    assert items["job_search_discussion"]["due_date"] == D("2022-09-01")


def test_transition_pair_waits_for_the_first_discussion():
    _regime, items, _checks = run("2021-06-01", "2022-06-01", events=[("periodic_interview", "2021-06-10")])
    assert items["supplementary_pair"]["state"] == "open" and items["supplementary_pair"]["due_date"] is None


# --- the Nordic schedule --------------------------------------------------------------------------------


def test_nordic_block_of_five_supplementary_discussions_then_four_after_an_early_one():
    events = [("initial_interview", "2022-09-05"), ("supplementary_discussion", "2022-09-20")]
    _regime, items, _checks = run("2022-09-01", "2022-10-01", events=events)
    block = items["supplementary_discussion"]
    assert (block["due_date"], block["count"], block["state"]) == (D("2022-12-05"), 4, "open")
    assert items["job_search_discussion"]["due_date"] == D("2022-12-05")
    assert items["supplementary_pair"]["due_date"] == D("2023-04-05")

    early = [("supplementary_discussion", "2022-09-02"), ("initial_interview", "2022-09-05")]
    _regime, items, checks = run("2022-09-01", "2022-10-01", events=early)
    assert items["supplementary_discussion"]["count"] == 4
    assert "came before the initial interview" in checks["due_supplementary_discussion"].message.render("en")


def test_nordic_block_done_when_all_are_held():
    events = [("initial_interview", "2022-09-05")] + [
        ("supplementary_discussion", d)
        for d in ("2022-09-20", "2022-10-04", "2022-10-25", "2022-11-08", "2022-11-29")
    ]
    _regime, items, checks = run("2022-09-01", "2022-12-01", events=events)
    assert items["supplementary_discussion"]["state"] == "done"
    assert checks["due_supplementary_discussion"].found["done_on"] == D("2022-11-29")


def test_an_initial_interview_not_held_in_time_is_overdue():
    _regime, items, checks = run("2022-09-01", "2022-09-09")
    assert items["initial_interview"]["due_date"] == D("2022-09-08")
    assert items["initial_interview"]["state"] == "overdue"
    assert checks["due_initial_interview"].status == "warn"


def test_laid_off_get_the_block_only_on_request():
    events = [("initial_interview", "2022-09-05")]
    _r, items, _c = run("2022-09-01", "2022-09-10", status="laid_off", laid_off=True, events=events)
    assert items["supplementary_discussion"]["state"] == "not_required"
    _r, items, _c = run(
        "2022-09-01",
        "2022-09-10",
        status="laid_off",
        laid_off=True,
        laid_off_block_requested=True,
        events=events,
    )
    assert items["supplementary_discussion"]["state"] == "open"


def test_nothing_when_the_job_search_ends_within_a_month():
    _r, items, checks = run("2022-09-01", "2022-09-02", job_search_end="2022-09-20")
    assert items["initial_interview"]["state"] == "not_required"
    assert "20.9.2022" in checks["due_initial_interview"].message.render("fi")


def test_no_new_initial_interview_within_six_months_of_the_previous_job_search():
    _r, items, _c = run("2022-09-01", "2022-09-02", previous_job_search_end="2022-06-30")
    assert items["initial_interview"]["state"] == "not_required"
    _r, items, _c = run("2023-01-02", "2023-01-02", previous_job_search_end="2022-06-30")
    assert items["initial_interview"]["due_date"] == D("2023-01-10")  # 6.1. is Epiphany


def test_a_long_service_replaces_the_discussions_with_one_before_its_end():
    events = [("initial_interview", "2022-09-05")]
    _r, items, _checks = run(
        "2022-09-01", "2022-10-15", events=events, services=[("2022-10-01", "2023-01-31")]
    )
    assert items["job_search_discussion"]["state"] == "not_required"
    assert items["supplementary_discussion"]["state"] == "not_required"
    # one month before 31.1.2023 is Saturday 31.12.2022 → the next working day, Monday 2.1.2023
    assert items["end_of_service_discussion"]["due_date"] == D("2023-01-02")
    # a service of a month or less replaces nothing
    _r, items, _c = run("2022-09-01", "2022-10-15", events=events, services=[("2022-10-01", "2022-10-31")])
    assert items["job_search_discussion"]["state"] == "open"
    assert items["end_of_service_discussion"]["state"] == "not_required"


def test_a_long_service_ending_before_1_6_2022_keeps_the_schedule():
    _r, items, _c = run(
        "2022-01-10",
        "2022-05-10",
        events=[("periodic_interview", "2022-01-20")],
        services=[("2022-03-01", "2022-05-31")],
    )
    assert items["job_search_discussion"]["state"] == "overdue"  # 20.4.2022 has passed
    assert items["end_of_service_discussion"]["state"] == "not_required"


# --- the trial area's target, TYP, activation plan, integration -----------------------------------------


def test_the_area_target_is_shown_beside_the_statutory_deadline_and_may_not_relax_it():
    _r, items, _checks = run("2024-12-18", "2024-12-18", area_first_contact_days=2)
    assert items["area_first_contact"]["due_date"] == D("2024-12-20")
    assert items["initial_interview"]["due_date"] == D("2024-12-30")
    assert list(items)[:2] == ["initial_interview", "area_first_contact"]
    _r, items, checks = run("2024-12-18", "2024-12-18", area_first_contact_days=8)
    assert items["area_first_contact"]["state"] == "not_required"
    assert checks["due_area_first_contact"].found["statutory_due_date"] == D("2024-12-30")


def test_typ_assessment_by_subsidy_days_or_by_unemployment_and_age():
    _r, items, _checks = run("2022-09-01", "2022-09-02", lms_days=300)
    assert (items["typ_assessment"]["state"], items["typ_assessment"]["due_date"]) == (
        "open",
        D("2022-09-02"),
    )
    _r, items, _c = run("2022-09-01", "2022-09-02", birth_date="2000-01-01")  # under 25: 6 months
    assert items["typ_assessment"]["due_date"] == D("2023-03-01")
    _r, items, _c = run("2022-09-01", "2022-09-02", birth_date="1980-01-01")  # 25 or over: 12 months
    assert items["typ_assessment"]["due_date"] == D("2023-09-01")
    _r, items, _c = run("2022-09-01", "2022-09-02", unemployment_start=None, status="employed")
    assert items["typ_assessment"]["state"] == "not_required"


def test_typ_mapping_period_and_plan_review():
    events = [("typ_start", "2022-03-01"), ("typ_plan", "2022-05-10")]
    _r, items, _c = run("2021-06-01", "2022-06-01", events=events)
    assert items["typ_plan"]["state"] == "done"
    assert items["typ_plan_review"]["due_date"] == D("2022-11-10")
    _r, items, _c = run("2021-06-01", "2022-06-15", events=[("typ_start", "2022-03-01")])
    assert items["typ_plan"]["state"] == "overdue" and items["typ_plan"]["due_date"] == D("2022-06-01")


def test_activation_plan_review_every_three_months_from_2_5_2022():
    events = [("activation_plan", "2022-01-15")]
    _r, items, _c = run("2021-06-01", "2022-04-01", events=events)
    assert items["activation_plan_review"]["state"] == "not_required"
    _r, items, _c = run("2021-06-01", "2022-06-01", events=events)
    assert items["activation_plan_review"]["due_date"] == D("2022-08-02")


def test_integration_initial_assessment_started_within_two_months():
    _r, items, _c = run("2022-09-01", "2022-09-02", integration_start="2022-08-31")
    assert items["integration_assessment"]["due_date"] == D("2022-10-31")
    _r, items, _c = run(
        "2022-09-01",
        "2022-11-02",
        integration_start="2022-08-31",
        events=[("integration_assessment", "2022-10-20")],
    )
    assert items["integration_assessment"]["state"] == "done"


def test_add_months_ends_on_the_last_day_of_a_shorter_month():
    """Act 150/1930 s. 3: the same-numbered day, or the month's last day."""
    assert add_months(D("2022-01-31"), 1) == D("2022-02-28")
    assert add_months(D("2024-11-30"), 3) == D("2025-02-28")
    assert add_months(D("2023-01-31"), -1) == D("2022-12-31")


def test_events_after_the_evaluation_date_do_not_count():
    _r, items, _c = run("2022-09-01", "2022-09-05", events=[("initial_interview", "2022-09-06")])
    assert items["initial_interview"]["state"] == "open"
