"""Rule municipality-on-date (R-REF-2): a municipality's areas as on a date, explained in fi/sv/en."""

import datetime as dt

import pytest

from kuntakokeilu.rules.registry import get_rule

pytestmark = pytest.mark.django_db
RULE = get_rule("municipality-on-date")


def run(code, on):
    return RULE.run({"kunta_code": code}, on)


def test_heinavesi_in_etela_savo_before_the_move():
    outcome = run("090", dt.date(2020, 6, 1))
    assert outcome.status == "pass"
    assert outcome.result == {
        "kunta_code": "090",
        "name_fi": "Heinävesi",
        "name_sv": "Heinävesi",
        "ely_code": "07",
        "te_office_code": "07",
        "maakunta_code": "10",
        "trial_area_no": None,
    }
    regions = next(c for c in outcome.checks if c.code == "regions_on_date")
    assert "Etelä-Savon ELY-keskus (07)" in regions.message.render("fi")
    assert "NTM-centralen i Södra Savolax (07)" in regions.message.render("sv")
    change = next(c for c in outcome.checks if c.code == "division_change")
    assert change.found["changed_on"] == dt.date(2021, 1, 1)


def test_heinavesi_in_pohjois_karjala_after_the_move():
    outcome = run("090", dt.date(2021, 6, 1))
    assert (
        outcome.result["ely_code"],
        outcome.result["te_office_code"],
        outcome.result["maakunta_code"],
    ) == (
        "09",
        "09",
        "12",
    )


def test_honkajoki_after_2020_is_a_failed_check_naming_kankaanpaa():
    outcome = run("099", dt.date(2021, 6, 1))
    assert outcome.status == "fail" and outcome.result is None
    exists = outcome.checks[0]
    assert (exists.code, exists.status) == ("municipality_exists", "fail")
    assert exists.found["merged_into"] == "214"
    assert exists.message.render("fi").startswith(
        "Honkajoki (099) yhdistyi kuntaan Kankaanpää (214) 1.1.2021"
    )
    assert "slogs samman med Kankaanpää (214) den 1.1.2021" in exists.message.render("sv")
    assert "merged into Kankaanpää (214) on 1 January 2021" in exists.message.render("en")


def test_honkajoki_in_2020_still_exists():
    assert run("099", dt.date(2020, 12, 31)).result["ely_code"] == "03"


@pytest.mark.parametrize(
    ("on", "area", "end"),
    [
        (dt.date(2021, 2, 28), None, None),  # the Act not yet in force
        (dt.date(2021, 3, 1), 1, dt.date(2023, 6, 30)),
        (dt.date(2022, 8, 1), 1, dt.date(2024, 12, 31)),  # extended by L287/2022
        (dt.date(2024, 12, 31), 1, dt.date(2024, 12, 31)),
        (dt.date(2025, 1, 1), None, dt.date(2024, 12, 31)),  # the pilot is over
    ],
)
def test_trial_area_follows_the_dated_pilot_period(on, area, end):
    outcome = run("743", on)  # Seinäjoki
    assert outcome.result["trial_area_no"] == area
    trial = next(c for c in outcome.checks if c.code == "trial_area")
    assert [p.name for p in trial.parameters] == (
        [] if end is None else ["pilot.start_date", "pilot.end_date"]
    )
    if end:
        assert trial.parameters[1].value == end


def test_dates_before_2020_use_the_2020_division_and_warn():
    outcome = run("090", dt.date(2019, 6, 1))
    assert outcome.status == "warn"
    assert outcome.result["ely_code"] == "07"
    assert any(c.code == "division_approximation" and c.status == "warn" for c in outcome.checks)


def test_aland_has_no_te_office():
    outcome = run("478", dt.date(2022, 1, 1))
    assert outcome.result["ely_code"] == "16" and outcome.result["te_office_code"] is None
    assert "AMS" in next(c for c in outcome.checks if c.code == "regions_on_date").message.render("sv")


def test_rule_version_names_code_and_parameters():
    from kuntakokeilu.rules.parameters import default_store

    version = RULE.rule_version(default_store())
    assert version.startswith("1+") and len(version.split(".")) == 2


def test_a_municipality_that_ended_without_a_successor_names_its_period():
    from dataclasses import replace

    from kuntakokeilu.regions.queries import municipality_history
    from kuntakokeilu.regions.rules import decide
    from kuntakokeilu.rules.parameters import default_store

    ended = replace(municipality_history("099"), merged_into=None)  # the pure rule, without the merger
    decision = decide(ended, dt.date(2021, 6, 1), default_store())
    assert decision.status == "fail" and decision.result is None
    assert decision.checks[0].message.render("fi") == (
        "Honkajoki (099) ei ole kunta 1.6.2021 (olemassa …–31.12.2020)."
    )
