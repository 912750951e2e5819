"""The plans' pure rules (issue 17 item 1, R-SP-5; law notes §3.2–3.6): review dates per kind on dates on both
sides of 2.5.2022, the integration plan's term and entitlement, the checks of a version and an approval."""

import datetime as dt

import pytest

from kuntakokeilu.plans import rules
from kuntakokeilu.rules.parameters import default_store

pytestmark = pytest.mark.nodb
PARAMS = default_store()
D = dt.date


@pytest.mark.parametrize(
    "kind, agreed, review, reference",
    [
        ("employment", D(2022, 3, 10), D(2022, 6, 10), "JTYPL 916/2012 2:6 §3"),
        ("employment", D(2022, 9, 1), D(2022, 12, 1), "JTYPL 2:9"),
        ("typ", D(2022, 8, 31), D(2023, 2, 28), "1369/2014 s. 6"),
        ("activation", D(2022, 9, 1), D(2022, 12, 1), "189/2001 s. 3 (1384/2021)"),
        (
            "activation",
            D(2022, 1, 20),
            D(2022, 8, 2),
            "189/2001 s. 3 (1384/2021)",
        ),  # the 3 months from 2.5.2022
        ("integration", D(2022, 9, 1), D(2023, 9, 1), "1386/2010 s. 12"),
    ],
)
def test_review_dates(kind, agreed, review, reference):
    """R-SP-5: each kind's review date and its legal reference; the explanation in fi, sv and en."""
    got = rules.review(kind, agreed, PARAMS)
    assert got.date == review
    assert reference in got.reference
    for lang in ("fi", "sv", "en"):
        assert got.message.render(lang)


def test_an_activation_plan_before_2_5_2022_is_explained():
    got = rules.review("activation", D(2022, 1, 20), PARAMS)
    assert "2.5.2022" in got.message.render("fi")
    assert "ei ollut laissa säädettyä tarkistusväliä" in got.message.render("fi")


def test_the_integration_plans_entitlement_ends_the_last_plan():
    """KOTO s. 12: 36 months from the first plan (+ at most 24): a later plan ends with the right."""
    got = rules.review("integration", D(2024, 3, 1), PARAMS, first_agreed_on=D(2021, 9, 1))
    assert got.date == D(2024, 9, 1)
    assert "oikeus kotoutumissuunnitelmaan" in got.message.render("fi").lower()
    extended = rules.review(
        "integration", D(2024, 3, 1), PARAMS, first_agreed_on=D(2021, 9, 1), extension_months=12
    )
    assert extended.date == D(2025, 3, 1)


def _check(kind="employment", agreed=D(2022, 9, 1), **changes):
    args = {
        "today": D(2022, 9, 15),
        "goals": "Työ",
        "obligation": "",
        "steps": [{"text": "Hae", "due_on": D(2022, 9, 30), "responsible": "job_seeker"}],
        "services": [],
        "params": PARAMS,
    } | changes
    return [(p.field, p.message.msgid) for p in rules.check_version(kind, agreed, **args)]


def test_checks_of_a_version():
    """Issue 17 item 9: bad input named by its field."""
    assert _check() == []
    step = [{"text": "Hae", "due_on": D(2022, 8, 31), "responsible": "job_seeker"}]
    assert _check(steps=step) == [("steps.0.due_on", rules.msg.STEP_BEFORE_PLAN)]
    assert _check(steps=[]) == [("steps", rules.msg.NO_STEPS)]
    assert _check(agreed=D(2022, 9, 16), steps=[])[0] == ("agreed_on", rules.msg.IN_THE_FUTURE)
    assert _check(latest_agreed_on=D(2022, 9, 2)) == [("agreed_on", rules.msg.BEFORE_LATEST)]
    assert _check(goals=" ") == [("goals", rules.msg.NO_GOALS)]
    service = [{"kind": "work_trial", "starts_on": D(2022, 9, 10), "ends_on": D(2022, 9, 5)}]
    assert _check(services=service) == [("services.0.ends_on", rules.msg.SERVICE_ENDS_BEFORE_START)]
    service = [{"kind": "work_trial", "starts_on": D(2022, 8, 1), "ends_on": D(2022, 8, 31)}]
    assert _check(services=service) == [("services.0.ends_on", rules.msg.SERVICE_ENDS_BEFORE_PLAN)]
    assert _check(extension_months=6) == [("extension_months", rules.msg.EXTENSION_NOT_INTEGRATION)]
    assert _check("integration", extension_months=25) == [("extension_months", rules.msg.EXTENSION_TOO_LONG)]
    assert _check("integration", first_agreed_on=D(2019, 9, 1)) == [
        ("agreed_on", rules.msg.ENTITLEMENT_ENDED)
    ]


def test_the_activation_plans_job_search_obligation_from_2_5_2022():
    """Law notes §3.6 (1384/2021): required from 2.5.2022, not before."""
    assert _check("activation") == [("job_search_obligation", rules.msg.OBLIGATION_REQUIRED)]
    early = [{"text": "Hae", "due_on": D(2022, 4, 30), "responsible": "job_seeker"}]
    assert _check("activation", agreed=D(2022, 4, 1), steps=early) == []
    assert _check("activation", obligation="4 työmahdollisuutta kuukaudessa") == []


def test_checks_of_an_approval():
    assert rules.check_approval(D(2022, 9, 1), D(2022, 9, 1), today=D(2022, 9, 1), already=False) == []
    got = rules.check_approval(D(2022, 9, 1), D(2022, 8, 31), today=D(2022, 9, 1), already=True)
    assert [p.field for p in got] == ["party", "approved_on"]
    assert [
        p.field
        for p in rules.check_approval(D(2022, 9, 1), D(2022, 9, 2), today=D(2022, 9, 1), already=False)
    ] == ["approved_on"]
