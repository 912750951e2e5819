"""The target-group rule `target-group` (R-TG-2, R-TG-6): who the TE office transfers to a trial
municipality on a date, and who is responsible then — as the law said on each date (law notes §2.2–2.6).

The business-readable cases live in tests/data/target_group_cases.json (in the style of OpenFisca's YAML
tests); each runs here through the same input validation as the console and the registered rule.
"""

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.statuses import (
    SAMI_LANGUAGES,
    STATUS_CODES,
    STATUSES,
    is_foreign_language,
    is_mother_tongue_code,
)
from kuntakokeilu.customers.target_group import age_on, birthday, decide
from kuntakokeilu.regions.queries import municipality_histories
from kuntakokeilu.rules.messages import to_json_value
from kuntakokeilu.rules.parameters import default_store
from kuntakokeilu.rules.registry import get_rule
from kuntakokeilu.rules.schema import ValidationContext, validate_item

CASES_FILE = Path(__file__).resolve().parent.parent / "data" / "target_group_cases.json"
TABLE = json.loads(CASES_FILE.read_text(encoding="utf-8"))


def item_of(case: dict) -> dict:
    return {"id": case["id"], "on": case["on"], **TABLE["defaults"], **case["facts"]}


@pytest.mark.django_db
@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["id"] for c in TABLE["cases"]])
def test_case_table(case):
    """R-TG-2 / R-TG-6: every case of the table, as the rule would answer it on its date."""
    rule = get_rule("target-group")
    _item_id, on, facts = validate_item(item_of(case), rule.fields, ValidationContext())
    outcome = rule.run(facts, on)
    assert outcome.status is None
    assert outcome.result == {"in_target_group": case["in_target_group"], "responsible": case["responsible"]}
    by_code = {c.code: c for c in outcome.checks}
    assert len(by_code) == len(outcome.checks), "each check code appears once"
    for code, status in case.get("checks", {}).items():
        assert code in by_code, f"{case['id']}: no check {code!r} in {list(by_code)}"
        assert by_code[code].status == status, f"{case['id']}: {code} is {by_code[code].status}"
    for code, expected in case.get("found", {}).items():
        found = to_json_value(by_code[code].found)
        assert {k: found.get(k) for k in expected} == expected, f"{case['id']}: {code} found {found}"
    assert by_code["responsible"].found == case["responsible"]
    for check in outcome.checks:
        for lang in ("fi", "sv", "en"):
            assert check.message.render(lang).strip()


def test_the_table_covers_every_status_and_both_rule_ids():
    statuses = {item_of(c)["status"] for c in TABLE["cases"]}
    assert statuses == set(STATUS_CODES)
    assert {c["rule"] for c in TABLE["cases"]} == {"R-TG-2", "R-TG-6"}


@pytest.mark.nodb
@pytest.mark.parametrize(
    ("born", "on", "age"),
    [
        (dt.date(1992, 9, 1), dt.date(2022, 8, 31), 29),
        (dt.date(1992, 9, 1), dt.date(2022, 9, 1), 30),
        (dt.date(1992, 2, 29), dt.date(2022, 2, 27), 29),
        (dt.date(1992, 2, 29), dt.date(2022, 2, 28), 30),
        (dt.date(1992, 2, 29), dt.date(2024, 2, 29), 32),
        (dt.date(1992, 2, 29), dt.date(2024, 2, 28), 31),
    ],
)
def test_age_counts_a_birthday_from_its_day(born, on, age):
    """R-TG-2: "under 30" until the day before the 30th birthday (29 February → 28 February)."""
    assert age_on(born, on) == age


@pytest.mark.nodb
@given(st.dates(dt.date(1930, 1, 1), dt.date(2010, 12, 31)), st.integers(0, 40000))
def test_under_the_age_limit_exactly_until_the_birthday(born, days):
    on = born + dt.timedelta(days=days)
    assert (age_on(born, on) < 30) == (on < birthday(born, 30))
    assert age_on(born, birthday(born, 30)) == 30
    assert age_on(born, birthday(born, 30) - dt.timedelta(days=1)) == 29


@pytest.mark.nodb
def test_foreign_language_is_other_than_finnish_swedish_or_sami():
    """R-TG-2, L1269 s. 2: Sámi (se, smn, sms) is not foreign; unknown (xx) does not count."""
    assert [is_foreign_language(c) for c in ("fi", "sv", *SAMI_LANGUAGES, "xx")] == [False] * 6
    assert all(is_foreign_language(c) for c in ("so", "ru", "et", "ar", "uk", "en"))
    assert is_mother_tongue_code("smn") and is_mother_tongue_code("xx") and is_mother_tongue_code("so")
    assert not any(is_mother_tongue_code(c) for c in ("FI", "fin", "qq", "", None))


@pytest.mark.nodb
def test_statuses_are_the_eight_of_the_issue_with_translated_labels():
    from django.utils import translation

    assert [code for code, _label in STATUSES] == [
        "unemployed",
        "laid_off",
        "supported_employment",
        "in_service",
        "at_risk",
        "employed",
        "outside_labour_force",
        "student",
    ]
    labels = dict(STATUSES)
    with translation.override("fi"):
        assert str(labels["laid_off"]) == "kokoaikaisesti lomautettu"
    with translation.override("sv"):
        assert str(labels["at_risk"]) == "hotad av arbetslöshet inom två veckor"


@pytest.mark.nodb
def test_parameters_are_dated_with_their_references():
    """R-REF-3: the age limit, the statuses and the 2022/2023 amendments are parameters by date."""
    params = default_store()
    assert params.get("target_group.age_limit", dt.date(2021, 3, 1)).reference == "L1269 s. 4 mom 1 p. 3"
    assert "at_risk" not in params.value("target_group.included_statuses", dt.date(2022, 5, 1))
    assert "at_risk" in params.value("target_group.included_statuses", dt.date(2022, 5, 2))
    assert params.value("target_group.temporary_protection_by_residence", dt.date(2023, 2, 28)) is False
    assert params.value("target_group.temporary_protection_by_residence", dt.date(2023, 3, 1)) is True
    assert params.value("target_group.change_security_notices_from", dt.date(2022, 12, 31)) is None
    cs = params.get("target_group.change_security_notices_from", dt.date(2023, 1, 1))
    assert cs.value == dt.date(2023, 1, 1) and "L671/2022" in cs.reference


@pytest.mark.django_db
def test_decide_is_pure_over_a_snapshot():
    """R-TG-2: decide() reads only its arguments — the same snapshot answers the same, without the DB."""
    places = municipality_histories(["091", "049"])
    facts = {**TABLE["defaults"], "mother_tongue": "so", "birth_date": dt.date(1977, 5, 10)}
    on = dt.date(2022, 9, 1)
    first = decide(facts, on, default_store(), places)
    assert decide(facts, on, default_store(), places) == first
    assert first.result["responsible"] == {"type": "municipality", "kunta_code": "091", "trial_area_no": 20}


@pytest.mark.django_db
def test_decide_refuses_facts_without_a_person():
    facts = {**TABLE["defaults"], "birth_date": None}
    with pytest.raises(ValueError, match="henkilötunnus or a birth date"):
        decide(facts, dt.date(2022, 9, 1), default_store(), municipality_histories(["091"]))


@pytest.mark.django_db
def test_without_a_place_nobody_is_named_responsible():
    """A register may not yet know where the person lives: the rule says so instead of guessing."""
    facts = {**TABLE["defaults"], "birth_date": dt.date(1977, 5, 10), "kotikunta": None}
    decision = decide(facts, dt.date(2022, 9, 1), default_store(), {})
    assert decision.result == {"in_target_group": False, "responsible": None}
    assert [(c.code, c.status) for c in decision.checks] == [("pilot_period", "pass"), ("kotikunta", "fail")]
    assert "Neither a kotikunta nor a residence" in decision.checks[1].message.render("en")


@pytest.mark.django_db
def test_henkilotunnus_gives_the_birth_date_for_the_age_criterion():
    """R-TG-1/R-TG-2: the birth date derives from the identity code, also with a 2023 century sign."""
    rule = get_rule("target-group")
    code = make_henkilotunnus(dt.date(2003, 4, 2), 321, "B")
    item = {**TABLE["defaults"], "id": 1, "henkilotunnus": code, "birth_date": None}
    _id, _on, facts = validate_item(item, rule.fields, ValidationContext())
    outcome = rule.run(facts, dt.date(2023, 6, 1))
    age = next(c for c in outcome.checks if c.code == "under_age_limit")
    assert age.status == "pass" and age.found["age"] == 20 and age.found["birth_date"] == dt.date(2003, 4, 2)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fi", "Äidinkieli pohjoissaame on saamen kieli: henkilö ei ole vieraskielinen."),
        ("sv", "Modersmålet nordsamiska är ett samiskt språk: personen är inte främmandespråkig."),
        ("en", "Mother tongue Northern Sámi, a Sámi language: not a foreign-language speaker."),
    ],
)
def test_explanations_in_three_languages(lang, expected):
    """R-REF-4: each criterion is explained in fi/sv/en."""
    case = next(c for c in TABLE["cases"] if c["id"] == "north-sami-not-foreign-language")
    rule = get_rule("target-group")
    _id, on, facts = validate_item(item_of(case), rule.fields, ValidationContext())
    texts = rule.run(facts, on).explanation(lang)
    assert expected in texts


@pytest.mark.django_db
def test_properties_over_random_facts():
    """R-TG-2 invariants over random facts and dates (Hypothesis): a transfer goes to the kotikunta's own
    trial municipality; nobody is transferred outside the pilot, from outside the trial areas, in an
    excluded status, without a valid job search or without any group criterion."""
    places = municipality_histories(["091", "049", "205", "434", "285", "478", "090"])
    params = default_store()
    facts_strategy = st.fixed_dictionaries(
        {
            "henkilotunnus": st.none(),
            "birth_date": st.dates(dt.date(1950, 1, 1), dt.date(2008, 12, 31)),
            "kotikunta": st.sampled_from(sorted(places)),
            "residence": st.none(),
            "mother_tongue": st.sampled_from(["fi", "sv", "se", "smn", "sms", "xx", "so", "ru", "uk"]),
            "immigrant": st.booleans(),
            "status": st.sampled_from(STATUS_CODES),
            "earnings_related_entitlement": st.booleans(),
            "temporary_protection": st.booleans(),
            "change_security_55": st.booleans(),
            "change_security_notice_date": st.one_of(
                st.none(), st.dates(dt.date(2022, 6, 1), dt.date(2024, 6, 1))
            ),
            "job_search_valid": st.booleans(),
            "current_customership": st.none(),
        }
    )

    @given(facts_strategy, st.dates(dt.date(2020, 6, 1), dt.date(2025, 6, 30)))
    def check(facts, on):
        decision = decide(facts, on, params, places)
        status = {c.code: c.status for c in decision.checks}
        result = decision.result
        assert decision.status is None
        if result["in_target_group"]:
            assert result["responsible"]["type"] == "municipality"
            assert result["responsible"]["kunta_code"] == facts["kotikunta"]
            assert places[facts["kotikunta"]].trial is not None
            assert dt.date(2021, 3, 1) <= on <= dt.date(2024, 12, 31)
            assert facts["job_search_valid"] and status["group_criterion"] == "pass"
            assert facts["status"] in params.value("target_group.included_statuses", on)
        else:
            assert result["responsible"]["type"] in ("te_office", "aland")
        if status.get("group_criterion") == "pass":
            assert (
                not facts["earnings_related_entitlement"]
                or facts["immigrant"]
                or facts["mother_tongue"] in ("so", "ru", "uk")
                or on < birthday(facts["birth_date"], 30)
            )
        assert (result["responsible"] == {"type": "aland"}) == (facts["kotikunta"] == "478")

    check()
