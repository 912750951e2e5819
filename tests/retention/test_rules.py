"""The retention rule (R-X-4), pure: who is due on a date, at the boundary of the period, and what keeps the
data; its explanation in fi/sv/en."""

import datetime as dt

import pytest

from kuntakokeilu.retention.rules import KEEPS, Record, decide, last_day_kept, period_months
from kuntakokeilu.rules.parameters import default_store

pytestmark = pytest.mark.nodb

D = dt.date
ENDED = Record(had_customership=True, open_customership=False, ended_on=D(2023, 5, 26))


def test_the_shipped_period_is_the_controllers_default_with_its_bases():
    value = default_store().get("retention.period_months", D(2024, 1, 1))
    assert period_months(D(2024, 1, 1), default_store()) == value.value == 60
    assert "rekisterinpitäjän" in value.reference and "2016/679 5 art." in value.reference
    assert "1050/2018" in value.reference


def test_due_only_after_the_last_day_of_the_period():
    assert last_day_kept(D(2023, 5, 26), 60) == D(2028, 5, 26)
    assert not decide(ENDED, D(2028, 5, 26), 60).due
    assert decide(ENDED, D(2028, 5, 27), 60).due
    assert decide(ENDED, D(2040, 1, 1), 60).due
    # month ends: 31 August + 6 months is 28 February (Act 150/1930 s. 3)
    assert not decide(Record(True, False, D(2023, 8, 31)), D(2024, 2, 29), 6).due
    assert decide(Record(True, False, D(2023, 8, 31)), D(2024, 3, 1), 6).due


def test_an_open_customership_or_none_at_all_keeps_the_person():
    assert not decide(Record(True, True, D(2020, 1, 1)), D(2040, 1, 1), 60).due
    assert not decide(Record(True, True, None), D(2040, 1, 1), 60).due
    assert not decide(Record(False, False, None), D(2040, 1, 1), 60).due


@pytest.mark.parametrize("code", sorted(KEEPS))
def test_each_open_matter_keeps_an_ended_customership_past_the_period(code):
    verdict = decide(Record(True, False, D(2020, 1, 1), (code,)), D(2040, 1, 1), 60)
    assert not verdict.due
    assert verdict.explain("en") == KEEPS[code]


def test_an_unknown_code_is_an_error_not_a_silent_keep():
    with pytest.raises(ValueError, match="unknown"):
        decide(Record(True, False, D(2020, 1, 1), ("nonsense",)), D(2040, 1, 1), 60)


def test_the_explanations_in_three_languages():
    due = decide(ENDED, D(2028, 6, 1), 60)
    assert due.explain("en") == (
        "The last customership ended on 26 May 2023, more than 60 months before 1 June 2028, and nothing "
        "keeps the data: the person is anonymised."
    )
    assert "26.5.2023" in due.explain("fi") and "anonymisoidaan" in due.explain("fi")
    assert "26.5.2023" in due.explain("sv") and "anonymiseras" in due.explain("sv")
    kept = decide(ENDED, D(2028, 5, 1), 60)
    assert "26.5.2028" in kept.explain("fi") and "26.5.2028" in kept.explain("sv")
    assert "säilytetään" in kept.explain("fi") and "bevaras" in kept.explain("sv")
    for lang in ("fi", "sv"):
        for verdict in (
            decide(Record(True, True, None), D(2028, 5, 1), 60),
            decide(Record(False, False, None), D(2028, 5, 1), 60),
            decide(Record(True, False, D(2020, 1, 1), tuple(KEEPS)), D(2028, 5, 1), 60),
        ):
            assert verdict.explain(lang) != verdict.explain("en")
