"""The job-search obligation (R-SP-5, law notes §3.3): every variant on both sides of 2.5.2022, the start
rules, the periods and the applications counted in them, explanations in fi/sv/en."""

import datetime as dt

import pytest

from kuntakokeilu.rules.parameters import default_store
from kuntakokeilu.service_process.obligation import decide

pytestmark = pytest.mark.nodb
D = dt.date.fromisoformat


def facts(**extra):
    base = {
        "job_search_start": D("2022-05-10"),
        "status": "unemployed",
        "part_time_or_reduced_hours": None,
        "layoff_start": None,
        "layoff_discussion": None,
        "self_study_start": None,
        "self_study_end": None,
        "reduced_count": None,
        "reduced_reason": None,
        "exemption": None,
        "initial_interview": D("2022-05-16"),
        "applications": None,
    }
    for key, value in extra.items():
        if key == "applications":
            value = [{"date": D(d)} for d in value]
        elif isinstance(value, str) and key in {
            "job_search_start",
            "layoff_start",
            "layoff_discussion",
            "self_study_start",
            "self_study_end",
            "initial_interview",
        }:
            value = D(value)
        base[key] = value
    return base


def run(on, **extra):
    decision = decide(facts(**extra), D(on), default_store())
    return decision, {check.code: check for check in decision.checks}


def spans(decision):
    return [(p["start"], p["end"], p["required"]) for p in decision.result["periods"]]


# id, on, facts → in_force, variant, reason, [(period start, end, required)]
CASES = [
    (
        "normal",
        "2022-06-01",
        {},
        True,
        "normal",
        None,
        [("2022-05-17", "2022-06-16", 4), ("2022-06-17", "2022-07-16", 4), ("2022-07-17", "2022-08-16", 4)],
    ),
    (
        "normal-before-2-5-2022",
        "2022-04-29",
        {"job_search_start": "2022-03-01", "initial_interview": "2022-03-08"},
        False,
        None,
        None,
        [],
    ),
    (
        "part-time",
        "2022-06-01",
        {"status": "employed", "part_time_or_reduced_hours": True},
        True,
        "laid_off_part_time",
        None,
        [("2022-05-17", "2022-08-16", 1)],
    ),
    (
        "part-time-before",
        "2022-05-01",
        {
            "status": "employed",
            "part_time_or_reduced_hours": True,
            "job_search_start": "2022-03-01",
            "initial_interview": "2022-03-02",
        },
        False,
        None,
        None,
        [],
    ),
    (
        "reduced-hours-laid-off",
        "2022-06-01",
        {"status": "laid_off", "part_time_or_reduced_hours": True},
        True,
        "laid_off_part_time",
        None,
        [("2022-05-17", "2022-08-16", 1)],
    ),
    (
        "self-study",
        "2022-10-03",
        {"status": "in_service", "self_study_start": "2022-09-01", "self_study_end": "2023-05-31"},
        True,
        "self_study",
        None,
        [("2022-09-01", "2022-11-30", 3)],
    ),
    (
        "self-study-of-a-month-is-normal",
        "2022-09-10",
        {"self_study_start": "2022-09-01", "self_study_end": "2022-10-01"},
        True,
        "normal",
        None,
        [("2022-08-17", "2022-09-16", 4), ("2022-09-17", "2022-10-16", 4), ("2022-10-17", "2022-11-16", 4)],
    ),
    (
        "self-study-before",
        "2022-04-01",
        {
            "status": "in_service",
            "self_study_start": "2022-01-10",
            "self_study_end": "2022-12-20",
            "job_search_start": "2022-01-03",
            "initial_interview": None,
        },
        False,
        None,
        None,
        [],
    ),
    (
        "reduced",
        "2022-06-01",
        {"reduced_count": 2, "reduced_reason": "few vacancies in the field"},
        True,
        "reduced",
        "few_suitable_jobs",
        [("2022-05-17", "2022-06-16", 2), ("2022-06-17", "2022-07-16", 2), ("2022-07-17", "2022-08-16", 2)],
    ),
    (
        "reduced-to-none",
        "2022-06-01",
        {"reduced_count": 0, "reduced_reason": "no vacancies"},
        True,
        "none",
        "no_suitable_jobs",
        [],
    ),
    (
        "reduced-before",
        "2022-05-01",
        {
            "reduced_count": 2,
            "reduced_reason": "few",
            "job_search_start": "2022-02-01",
            "initial_interview": None,
        },
        False,
        None,
        None,
        [],
    ),
    ("exemption-typ", "2022-06-01", {"exemption": "typ_need"}, True, "none", "typ_need", []),
    ("exemption-incapacity", "2022-06-01", {"exemption": "incapacity"}, True, "none", "incapacity", []),
    (
        "exemption-literacy",
        "2023-01-10",
        {"exemption": "literacy_studies"},
        True,
        "none",
        "literacy_studies",
        [],
    ),
    (
        "exemption-joint-training",
        "2023-01-10",
        {"exemption": "joint_procurement_training"},
        True,
        "none",
        "joint_procurement_training",
        [],
    ),
    ("exemption-prevented", "2023-01-10", {"exemption": "prevented"}, True, "none", "prevented", []),
    (
        "exemption-ending",
        "2023-01-10",
        {"exemption": "unemployment_ending"},
        True,
        "none",
        "unemployment_ending",
        [],
    ),
    (
        "exemption-before",
        "2022-05-01",
        {"exemption": "typ_need", "job_search_start": "2021-05-01", "initial_interview": None},
        False,
        None,
        None,
        [],
    ),
    ("status-without-obligation", "2022-06-01", {"status": "student"}, True, "none", "status", []),
    (
        "laid-off-3-months",
        "2022-09-01",
        {
            "status": "laid_off",
            "layoff_start": "2022-05-09",
            "layoff_discussion": "2022-08-12",
            "initial_interview": "2022-05-16",
        },
        True,
        "normal",
        None,
        [("2022-08-13", "2022-09-12", 4), ("2022-09-13", "2022-10-12", 4), ("2022-10-13", "2022-11-12", 4)],
    ),
    (
        "laid-off-early-discussion-does-not-start-it",
        "2022-09-01",
        {"status": "laid_off", "layoff_start": "2022-05-09", "layoff_discussion": "2022-07-01"},
        True,
        "normal",
        None,
        [],
    ),
    ("not-begun-without-interview", "2022-05-12", {"initial_interview": None}, True, "normal", None, []),
    (
        "the-second-cycle",
        "2022-09-01",
        {},
        True,
        "normal",
        None,
        [("2022-08-17", "2022-09-16", 4), ("2022-09-17", "2022-10-16", 4), ("2022-10-17", "2022-11-16", 4)],
    ),
]


@pytest.mark.parametrize(
    ("on", "extra", "in_force", "variant", "reason", "expected"),
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_the_variants_on_both_sides_of_2_5_2022(on, extra, in_force, variant, reason, expected):
    """R-SP-5: normally 3 × 1 month × 4; part-time or reduced-hours laid off 1 × 3 months × 1; supported
    self-study over a month 3-month periods × 3; fewer or none for lack of suitable jobs; none in the cases
    JTYPL 3:7 lists; before 2.5.2022 not in force."""
    decision, _checks = run(on, **extra)
    assert decision.result["in_force"] is in_force
    assert decision.result["variant"] == variant
    assert decision.result["reason"] == reason
    assert spans(decision) == [(D(s), D(e), n) for s, e, n in expected]


def test_before_2_5_2022_the_plan_based_duty_is_information():
    """R-SP-5: on 29.4.2022 the rule is not in force and says what the duty of the time was."""
    decision, checks = run("2022-04-29", job_search_start="2022-03-01", initial_interview="2022-03-08")
    assert decision.status == "pass"
    assert checks["in_force"].status == "info" and checks["plan_based_duty"].status == "info"
    assert "2.5.2022" in checks["in_force"].message.render("fi")
    fi = checks["plan_based_duty"].message.render("fi")
    assert "1.5.2022" in fi and "työllistymissuunnitelma" in fi
    assert "sysselsättningsplanen" in checks["plan_based_duty"].message.render("sv")
    assert checks["plan_based_duty"].parameters[0].reference.startswith("L1269 s. 15")
    # the same person on the day the law changed
    after, after_checks = run("2022-05-02", job_search_start="2022-03-01", initial_interview="2022-05-02")
    assert after.result["in_force"] is True and after.result["variant"] == "normal"
    assert "in_force" not in after_checks


def test_applications_are_counted_per_period_and_met_or_not():
    """R-SP-5: an application counts in the period holding its date; an ended period short is not met."""
    dates = ["2022-05-17", "2022-05-30", "2022-06-10", "2022-06-16", "2022-06-20", "2022-08-01"]
    decision, checks = run("2022-07-10", applications=dates)
    periods = decision.result["periods"]
    assert [(p["reported"], p["met"]) for p in periods] == [(4, True), (1, None), (0, None)]
    assert decision.status == "pass"
    assert checks["period_1"].status == "pass"
    assert checks["period_2"].found["state"] == "open"
    assert checks["period_3"].found["state"] == "future"
    short, short_checks = run("2022-07-20", applications=dates[:3])
    assert short.result["periods"][0]["met"] is False and short.status == "warn"
    fi = short_checks["period_1"].message.render("fi")
    assert "17.5.2022" in fi and "16.6.2022" in fi
    assert "not reached" in short_checks["period_1"].message.render("en")


def test_applications_after_on_or_outside_the_periods_do_not_count():
    decision, _ = run("2022-05-31", applications=["2022-05-16", "2022-05-20", "2022-06-01"])
    assert decision.result["periods"][0]["reported"] == 1


def test_without_applications_the_counts_are_null():
    decision, checks = run("2022-06-01")
    assert all(p["reported"] is None and p["met"] is None for p in decision.result["periods"])
    assert checks["period_1"].status == "info"


def test_explanations_name_the_variant_and_its_reference():
    """R-SP-5: each variant's check states the numbers with their legal reference, in fi/sv/en."""
    _, normal = run("2022-06-01")
    assert [(p.name, p.value) for p in normal["variant"].parameters] == [
        ("job_search_obligation.review_period_months", 1),
        ("job_search_obligation.review_periods", 3),
        ("job_search_obligation.job_opportunities", 4),
    ]
    assert normal["variant"].parameters[2].reference == "JTYPL 3:3 §1 (1379/2021)"
    assert "4" in normal["variant"].message.render("fi")
    _, part = run("2022-06-01", status="employed", part_time_or_reduced_hours=True)
    assert part["variant"].parameters[0].reference == "JTYPL 3:6 §1–2 (1379/2021)"
    # counts in the singular and the plural (R-X-8)
    assert "1 työmahdollisuus tarkastelujaksossa, jonka pituus on 3 kuukautta" in part[
        "variant"
    ].message.render("fi")
    assert "1 arbetstillfälle" in part["variant"].message.render("sv")
    assert "1 job opportunity in a review period of 3 months" in part["variant"].message.render("en")
    assert "4 työmahdollisuutta" in normal["variant"].message.render("fi")
    assert "1 kuukausi" in normal["variant"].message.render("fi")
    _, typ = run("2022-06-01", exemption="typ_need")
    en = typ["variant"].message.render("en")
    assert "12 months" in en and "25" in en and "6 months" in en
    _, reduced = run("2022-06-01", reduced_count=1, reduced_reason="vähän avoimia työpaikkoja")
    assert "vähän avoimia työpaikkoja" in reduced["reduced"].message.render("fi")


def test_a_reduction_not_lower_than_the_law_is_a_warning_and_the_law_applies():
    decision, checks = run("2022-06-01", reduced_count=4, reduced_reason="x")
    assert decision.result["variant"] == "normal" and checks["reduced"].status == "warn"
    assert decision.status == "warn"


def test_the_laid_off_start_waits_for_three_months():
    """R-SP-5 (JTYPL 3:5): a fully laid-off person's obligation begins at the discussion held once the lay-off
    has lasted 3 months."""
    _, checks = run("2022-07-01", status="laid_off", layoff_start="2022-05-09")
    assert checks["start"].found == {
        "begins": None,
        "layoff_start": D("2022-05-09"),
        "discussion_from": D("2022-08-09"),
    }
    assert "9.8.2022" in checks["start"].message.render("fi")
