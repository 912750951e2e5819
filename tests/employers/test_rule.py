"""The rule `job-offer-refusal` (R-SP-7, R-SP-8; law notes §3.4, §3.8): before 2.5.2022 a refused job offered
by the municipality counts as a refused TE-office offer (with the 90/60/30-day periods as information); from
2.5.2022 not applying for a job offered by the authority counts only once 6 months have passed since the
initial interview; a job offered individually by an employer is not a failure in the job-search process."""

import datetime as dt

import pytest

from kuntakokeilu.employers.rules import refusal_counts

D = dt.date.fromisoformat
OFFER = {
    "offered_by": "authority",
    "outcome": "refused",
    "offered_on": D("2022-09-01"),
    "apply_by": D("2022-09-15"),
}


def _text(outcome, lang="fi"):
    return " ".join(c.message.render(lang) for c in outcome.checks)


def test_a_refusal_more_than_6_months_after_the_initial_interview_counts():
    out = refusal_counts(OFFER, D("2022-02-10"), D("2022-09-12"))
    assert out.result == {"counts": True, "model": "nordic", "passed": D("2022-08-10")}
    assert out.status == "warn"
    assert "lasketaan" in _text(out) and "10.2.2022" in _text(out)
    assert "räknas" in _text(out, "sv") and "counts as a failure" in _text(out, "en")
    assert out.checks[0].parameters[1].reference.startswith("TTL 2 a:9 §1 6 k.")  # law notes §3.8


def test_a_refusal_earlier_than_6_months_does_not_count():
    out = refusal_counts(OFFER, D("2022-06-20"), D("2022-09-12"))
    assert out.result == {"counts": False, "model": "nordic", "passed": D("2022-12-20")}
    assert out.status == "pass"
    assert "ei lasketa" in _text(out) and "20.12.2022" in _text(out)
    assert "räknas inte" in _text(out, "sv") and "does not count" in _text(out, "en")


def test_exactly_6_months_counts_and_one_day_less_does_not():
    """The 6 months end on the same-numbered day (Act 150/1930 s. 3)."""
    assert refusal_counts(OFFER, D("2022-03-12"), D("2022-09-12")).result["counts"] is True
    assert refusal_counts(OFFER, D("2022-03-13"), D("2022-09-12")).result["counts"] is False


def test_no_initial_interview_before_the_offer_does_not_count():
    out = refusal_counts(OFFER, None, D("2022-09-12"))
    assert out.result["counts"] is False
    assert out.checks[0].found == {"counts": False, "initial_interview": None}


def test_before_2_5_2022_a_refusal_of_the_municipalitys_offer_counts_with_the_ladder():
    offer = {**OFFER, "offered_on": D("2022-03-01"), "apply_by": D("2022-03-15")}
    out = refusal_counts(offer, D("2022-02-10"), D("2022-03-10"))
    assert out.result == {"counts": True, "model": "before_nordic", "passed": None}
    assert [c.code for c in out.checks] == ["refusal", "sanction_ladder"]
    assert out.checks[1].found == {"selected": 90, "offered": 60, "short": 30}
    assert "TE-toimiston" in _text(out) and "90" in _text(out) and "60" in _text(out)


def test_from_2_5_2022_an_employers_own_offer_is_not_a_job_search_failure():
    out = refusal_counts({**OFFER, "offered_by": "employer"}, D("2021-01-10"), D("2022-09-12"))
    assert out.result["counts"] is False
    assert "45" in _text(out) and "työnantaja" in _text(out)


@pytest.mark.parametrize("outcome", ["applied", "hired", None])
def test_applied_hired_or_no_outcome_is_nothing_to_judge(outcome):
    out = refusal_counts({**OFFER, "outcome": outcome}, D("2021-01-10"), D("2022-09-12"))
    assert out.result["counts"] is False and out.status == "pass"


def test_no_answer_counts_like_a_refusal():
    out = refusal_counts({**OFFER, "outcome": "no_answer"}, D("2022-02-10"), D("2022-09-16"))
    assert out.result["counts"] is True
