"""Specification files (R-EVAL-3): validated before a run starts, every problem named by its field and
worded in Finnish, Swedish and English."""

import pytest
from django.utils import translation

from kuntakokeilu.evaluation import spec

pytestmark = pytest.mark.nodb


def test_default_spec_is_the_issue_default():
    s = spec.load()
    assert s["outcome"] == "unemployment_rate_pct"
    assert s["sample"] == {"start": "2015-01", "end": "2023-10"}
    assert s["treatment"]["start"] == "2021-03"
    assert s["weights"] == ["none", "labour_force"]
    assert {"covid_group_month", "covid_excluded"} <= set(s["variants"])
    assert s["event_study"] == {"unit": "quarter", "reference": "2020-Q4"}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"outcome": "wages"}, "outcome"),
        ({"sample": {"start": "2015-13", "end": "2023-10"}}, "sample.start"),
        ({"sample": {"start": "2023-10", "end": "2015-01"}}, "sample.end"),
        ({"treatment": {"start": "2024-01"}}, "treatment.start"),
        ({"treatment": {"start": "2021-03", "treated": "everyone"}}, "treatment.treated"),
        ({"treatment": {"start": "2021-03", "comparison": "sweden"}}, "treatment.comparison"),
        ({"fixed_effects": ["municipality"]}, "fixed_effects"),
        ({"cluster": "ely"}, "cluster"),
        ({"weights": ["population"]}, "weights"),
        ({"weights": []}, "weights"),
        ({"variants": ["baseline", "nordic"]}, "variants"),
        ({"variants": ["covid_excluded"]}, "variants"),
        ({"inference": {"trial_area": [], "randomisation_reps": 9}}, "inference.trial_area"),
        ({"inference": {"trial_area": ["CRV1"], "randomisation_reps": -1}}, "inference.randomisation_reps"),
        (
            {"inference": {"trial_area": ["CRV1"], "randomisation_reps": 100000}},
            "inference.randomisation_reps",
        ),
        ({"event_study": {"unit": "year"}}, "event_study.unit"),
        ({"event_study": {"unit": "month", "reference": "2020-Q4"}}, "event_study.reference"),
        ({"placebo": {"starts": ["2022-03"], "end": "2020-02"}}, "placebo.starts"),
        ({"placebo": {"starts": ["2017-03"], "end": "2021-06"}}, "placebo.end"),
        ({"seed": "x"}, "seed"),
        ({"name": "x" * 81}, "name"),
    ],
)
def test_bad_spec_is_refused_with_its_field(change, field):
    raw = {**spec.load(), **change}
    with pytest.raises(spec.SpecError) as caught:
        spec.validate(raw)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: ")


def test_missing_optional_keys_get_their_defaults():
    s = spec.validate(
        {
            "outcome": "unemployment_rate_pct",
            "sample": {"start": "2015-01", "end": "2023-10"},
            "treatment": {"start": "2021-03"},
            "placebo": {"end": "2020-02"},
            "seed": 1,
        }
    )
    assert (s["weights"], s["variants"], s["cluster"]) == (["none"], ["baseline"], "municipality")
    assert s["inference"] == {"trial_area": ["CRV1"], "randomisation_reps": 0}
    assert s["event_study"] == {"unit": "quarter", "reference": "2020-Q4"}
    assert s["treatment"]["treated"] == "trial_areas"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "“2015-13” is not a month of the form YYYY-MM."),
        ("fi", "”2015-13” ei ole kuukausi muodossa VVVV-KK."),
        ("sv", "”2015-13” är inte en månad i formen ÅÅÅÅ-MM."),
    ],
)
def test_errors_are_worded_in_the_language_asked(lang, text):
    raw = {**spec.load(), "sample": {"start": "2015-13", "end": "2023-10"}}
    with pytest.raises(spec.SpecError) as caught:
        spec.validate(raw)
    with translation.override(lang):
        assert caught.value.render() == text
