"""The indicators' declarations (R-MON-2): read once from indicators.yaml; a malformed declaration is refused
with its reason; the value shown is the count or the share (pure, no database)."""

import pytest

from kuntakokeilu.monitoring.declarations import DeclarationError, by_code, indicators, parse
from kuntakokeilu.monitoring.rules import Change, differences, next_state


def declaration(**changes):
    base = {
        "code": "x",
        "csv": "",
        "certainty": "own records",
        "name": {"fi": "x", "sv": "x", "en": "x"},
        "definition": {"fi": "x", "sv": "x", "en": "x"},
        "numerator": "n",
        "denominator": "d",
        "unit": "percent",
        "breakdowns": [],
        "source": "customers",
        "reference": {"fi": "", "sv": ""},
    }
    return base | changes


def test_every_declaration_has_three_languages_and_a_known_unit():
    assert len(indicators()) == len(by_code()) >= 16
    for ind in indicators():
        assert ind.label("fi") and ind.label("sv") and ind.explained("en")
        assert ind.certainty_level in ("own_records", "verified", "partly_verified", "inferred")


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ([declaration(), declaration()], "declared twice"),
        ([declaration(unit="euro")], "unit"),
        ([declaration(name={"fi": "x", "en": "x"})], "fi, sv and en"),
        ([declaration(denominator="")], "needs a denominator"),
    ],
)
def test_a_malformed_declaration_is_refused(bad, reason):
    with pytest.raises(DeclarationError, match=reason):
        parse({"indicators": bad})


def test_the_value_is_the_count_or_the_share():
    (share,) = parse({"indicators": [declaration()]})
    (count,) = parse({"indicators": [declaration(unit="count", denominator="")]})
    assert share.value(1, 3) == 33.3
    assert share.value(0, 0) is None
    assert count.value(4, None) == 4.0


def test_the_close_moves_forward_only():
    assert next_state("computed", "review") == "reviewed"
    assert next_state("reviewed", "approve") == "approved"
    assert next_state("computed", "approve") is None
    assert next_state("approved", "compute") is None
    assert next_state("approved", "review") is None


def test_differences_name_each_changed_value_once():
    old = {("a", "trial_area", "7", ""): (3, None), ("b", "trial_area", "7", ""): (1, 2)}
    new = {
        ("a", "trial_area", "7", ""): (4, None),
        ("b", "trial_area", "7", ""): (1, 2),
        ("c", "pilot", "", ""): (0, None),
    }
    assert differences(old, new) == [
        Change(("a", "trial_area", "7", ""), (3, None), (4, None)),
        Change(("c", "pilot", "", ""), None, (0, None)),
    ]
