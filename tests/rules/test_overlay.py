"""The overlay on the parameter store (R-REF-3; issue 13, the policy what-if): edited values hold from their
start, the law's before it; unknown parameters, wrong types and dates outside the pilot are refused with a
message in fi/sv/en."""

import datetime as dt

import pytest

from kuntakokeilu.rules.overlay import WHAT_IF_REFERENCE, Edit, OverlayError, overlay, parse
from kuntakokeilu.rules.parameters import default_store

pytestmark = pytest.mark.nodb
D = dt.date
PILOT = (D(2021, 3, 1), D(2024, 12, 31))
TG = (
    "target_group.age_limit",
    "target_group.included_statuses",
    "target_group.temporary_protection_by_residence",
    "target_group.change_security_notices_from",
)


def test_an_edit_replaces_the_value_from_its_start_and_keeps_the_law_before():
    law = default_store()
    store = overlay(law, [Edit("target_group.temporary_protection_by_residence", True, D(2022, 3, 1))])
    name = "target_group.temporary_protection_by_residence"
    assert store.value(name, D(2022, 2, 28)) is False
    assert store.get(name, D(2022, 2, 28)).reference == law.get(name, D(2022, 2, 28)).reference
    assert store.value(name, D(2022, 3, 1)) is True
    assert store.get(name, D(2024, 1, 1)).reference == WHAT_IF_REFERENCE
    assert law.value(name, D(2022, 3, 1)) is False  # the law's store is untouched
    assert store.value("target_group.age_limit", D(2022, 3, 1)) == 30  # other parameters as the law


def test_an_edit_without_a_start_holds_from_the_first_day():
    store = overlay(default_store(), [Edit("target_group.age_limit", "25")], allowed=TG, within=PILOT)
    assert store.value("target_group.age_limit", D(2021, 3, 1)) == 25
    assert store.value("target_group.age_limit", D(2024, 12, 31)) == 25
    assert store.fingerprint(["target_group.age_limit"]) != default_store().fingerprint(
        ["target_group.age_limit"]
    )


def test_an_overlay_equal_to_the_law_gives_the_laws_values():
    law = default_store()
    name = "target_group.included_statuses"
    edits = [Edit(name, v.value, v.start) for v in law.parameters[name].values]
    store = overlay(law, edits, allowed=TG, within=PILOT)
    for on in (D(2021, 3, 1), D(2022, 5, 1), D(2022, 5, 2), D(2024, 6, 1)):
        assert store.value(name, on) == law.value(name, on)


@pytest.mark.parametrize(
    ("name", "text", "value"),
    [
        ("target_group.age_limit", "25", 25),
        ("target_group.included_statuses", "unemployed, laid_off", ["unemployed", "laid_off"]),
        ("target_group.temporary_protection_by_residence", "kyllä", True),
        ("target_group.temporary_protection_by_residence", "false", False),
        ("target_group.change_security_notices_from", "2022-01-01", D(2022, 1, 1)),
        ("target_group.change_security_notices_from", "none", None),
        ("selection.ely_customer_share_max", "0.5", 0.5),
        ("selection.min_population", "20000", 20000),
    ],
)
def test_values_are_read_by_the_parameters_unit(name, text, value):
    assert parse(default_store(), name, text) == value


@pytest.mark.parametrize(
    ("edit", "en", "fi", "sv"),
    [
        (
            Edit("target_group.age_limt", 25),
            "Unknown parameter target_group.age_limt",
            "Tuntematon parametri target_group.age_limt",
            "Okänd parameter target_group.age_limt",
        ),
        (
            Edit("selection.min_population", 1000),  # a parameter, but not of this rule
            "Unknown parameter selection.min_population",
            "Tuntematon parametri",
            "Okänd parameter",
        ),
        (Edit("target_group.age_limit", "twenty"), "a whole number of years", "kokonaisluku", "heltal"),
        (Edit("target_group.age_limit", True), "a whole number of years", "kokonaisluku", "heltal"),
        (
            Edit("target_group.temporary_protection_by_residence", "maybe"),
            "yes or no",
            "kyllä",
            "ja eller nej",
        ),
        (Edit("target_group.included_statuses", "retired"), "not a known code", "tunnettu koodi", "känd kod"),
        (Edit("target_group.age_limit", 25, D(2020, 1, 1)), "outside the pilot", "kokeilu", "försök"),
        (Edit("target_group.age_limit", 25, D(2025, 1, 1)), "1 January 2025", "1.1.2025", "1.1.2025"),
    ],
)
def test_refused_edits_say_why_in_each_language(edit, en, fi, sv):
    with pytest.raises(OverlayError) as err:
        overlay(default_store(), [edit], allowed=TG, within=PILOT)
    assert en in str(err.value)
    assert fi in err.value.render("fi")
    assert sv in err.value.render("sv")
