"""Issue 15 (R-EVAL-1): the event-study heading names the reference period the estimates use (the zero row),
not the first period of the table."""

import pytest

from kuntakokeilu.evaluation.report import reference_period

pytestmark = pytest.mark.nodb


def test_the_reference_period_is_the_zero_row():
    rows = [
        {"period": "2015-Q1", "estimate": -0.4, "ci_low": -0.9, "ci_high": 0.1},
        {"period": "2020-Q3", "estimate": 0.2, "ci_low": -0.1, "ci_high": 0.5},
        {"period": "2020-Q4", "estimate": 0.0, "ci_low": 0.0, "ci_high": 0.0},
        {"period": "2021-Q1", "estimate": -0.3, "ci_low": -0.6, "ci_high": 0.0},
    ]
    assert reference_period({"event_study": rows}) == "2020-Q4"
    assert reference_period({"event_study": rows[:2]}) == ""
