"""Specification files (R-EVAL-3)."""

import pytest

from kuntakokeilu.evaluation import spec

pytestmark = pytest.mark.nodb


def test_default_spec_is_the_issue_default():
    s = spec.load()
    assert s["outcome"] == "unemployment_rate_pct"
    assert s["sample"] == {"start": "2015-01", "end": "2023-10"}
    assert s["treatment"]["start"] == "2021-03"
    assert s["weights"] == ["none", "labour_force"]
    assert {"covid_group_month", "covid_excluded"} <= set(s["variants"])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"outcome": "wages"}, "outcome"),
        ({"sample": {"start": "2015-13", "end": "2023-10"}}, "sample.start"),
        ({"treatment": {"start": "2024-01"}}, "treatment.start"),
        ({"weights": ["population"]}, "weights"),
        ({"variants": ["baseline", "nordic"]}, "variants"),
        ({"placebo": {"starts": ["2022-03"], "end": "2020-02"}}, "placebo"),
        ({"seed": "x"}, "seed"),
    ],
)
def test_bad_spec_is_refused_with_its_reason(change, message):
    raw = {**spec.load(), **change}
    with pytest.raises(spec.SpecError, match=message):
        spec.validate(raw)
