"""Explanations stored as codes and figures, rendered in fi/sv/en when shown (R-REF-4)."""

import datetime as dt

import pytest

from kuntakokeilu.regions.rules import MSG_MERGED, MSG_TRIAL_MEMBER, ROUND_LABELS
from kuntakokeilu.rules.messages import Message, format_int
from kuntakokeilu.rules.outcome import Check, Outcome, ParameterUse, worst_status

pytestmark = pytest.mark.nodb

MERGED = Message(
    MSG_MERGED,
    {
        "name": {"fi": "Honkajoki", "sv": "Honkajoki"},
        "code": "099",
        "successor": {"fi": "Kankaanpää", "sv": "Kankaanpää"},
        "successor_code": "214",
        "merged_on": dt.date(2021, 1, 1),
        "on": dt.date(2021, 6, 1),
    },
)


def test_one_message_renders_in_each_language():
    assert MERGED.render("fi") == (
        "Honkajoki (099) yhdistyi kuntaan Kankaanpää (214) 1.1.2021; 1.6.2021 se ei enää ole kunta."
    )
    assert MERGED.render("sv").startswith("Honkajoki (099) slogs samman med Kankaanpää (214) den 1.1.2021")
    assert "on 1 January 2021" in MERGED.render("en")


def test_names_and_nested_terms_follow_the_language():
    message = Message(
        MSG_TRIAL_MEMBER,
        {
            "on": dt.date(2022, 9, 1),
            "name": {"fi": "Ilmajoki", "sv": "Ilmola"},
            "area_no": 1,
            "area": {"fi": "Seinäjoki–Ilmajoki", "sv": "Seinäjoki–Ilmola", "en": "Seinäjoki–Ilmajoki"},
            "round": Message(ROUND_LABELS["main"]),
            "start": dt.date(2021, 3, 1),
            "end": dt.date(2024, 12, 31),
        },
    )
    assert "Ilmola" in message.render("sv") and "den ordinarie ansökningsomgången 2019" in message.render(
        "sv"
    )
    assert "vuoden 2019 varsinainen haku" in message.render("fi")  # R-X-8: the glossary's term
    assert "main round 2019" in message.render("en")


def test_thousands_are_grouped_per_language():
    assert format_int(30000, "fi") == "30\u00a0000"
    assert format_int(30000, "en") == "30,000"


def test_a_stored_outcome_renders_as_it_was():
    outcome = Outcome(
        rule="municipality-on-date",
        rule_version="1+test",
        on=dt.date(2021, 6, 1),
        result=None,
        status="fail",
        checks=(
            Check(
                "municipality_exists",
                "fail",
                {"merged_on": dt.date(2021, 1, 1)},
                MERGED,
                (ParameterUse("pilot.end_date", dt.date(2023, 6, 30), "L1269 s. 23"),),
            ),
        ),
    )
    record = outcome.to_record()
    assert "text" not in str(record)  # codes and figures only
    again = Outcome.from_record(record)
    assert again.to_json("x") == outcome.to_json("x")
    assert again.explanation("sv") == outcome.explanation("sv")


def test_outcome_refuses_unknown_status_and_no_checks():
    with pytest.raises(ValueError, match="status"):
        Check("x", "ok", None, MERGED)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="at least one check"):
        Outcome("r", "1", dt.date(2022, 1, 1), None, None, ())


def test_worst_status():
    def check(status):
        return Check("c", status, None, MERGED)

    assert worst_status([check("pass"), check("info")]) == "pass"
    assert worst_status([check("pass"), check("warn")]) == "warn"
    assert worst_status([check("warn"), check("fail"), check("info")]) == "fail"
