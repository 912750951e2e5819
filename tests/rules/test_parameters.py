"""The dated parameter store (R-REF-3): values by date, boundaries, and a clear error for a date with none."""

import datetime as dt
import textwrap

import pytest

from kuntakokeilu.rules.parameters import (
    NoParameterValue,
    ParameterError,
    ParameterStore,
    UnknownParameter,
    default_store,
)

pytestmark = pytest.mark.nodb
D = dt.date


@pytest.mark.parametrize(
    ("on", "end"),
    [
        (D(2021, 3, 1), D(2023, 6, 30)),  # the first day of the Act
        (D(2022, 7, 31), D(2023, 6, 30)),  # the last day of the original text
        (D(2022, 8, 1), D(2024, 12, 31)),  # L287/2022 in force
        (D(2030, 1, 1), D(2024, 12, 31)),  # open-ended: the last law in force
    ],
)
def test_pilot_end_date_follows_the_law_in_force_on_the_date(on, end):
    value = default_store().get("pilot.end_date", on)
    assert value.value == end
    assert value.reference.startswith("L1269 s. 23")


def test_extension_cites_the_amending_act():
    assert "L287/2022" in default_store().get("pilot.end_date", D(2022, 8, 1)).reference


def test_a_date_with_no_value_is_a_clear_error():
    with pytest.raises(NoParameterValue) as err:
        default_store().value("pilot.end_date", D(2021, 2, 28))
    message = str(err.value)
    assert "pilot.end_date" in message and "2021-02-28" in message and "2021-03-01" in message


def test_unknown_parameter_is_an_error():
    with pytest.raises(UnknownParameter):
        default_store().value("pilot.no_such_thing", D(2022, 1, 1))


def test_every_shipped_parameter_has_unit_texts_references_and_a_changelog():
    store = default_store()
    assert {"pilot.start_date", "pilot.end_date", "calendar.working_weekdays"} <= store.parameters.keys()
    for parameter in store.parameters.values():
        assert parameter.unit
        assert all(parameter.description[lang] for lang in ("fi", "sv", "en"))
        assert all(v.reference for v in parameter.values)
    assert {c.area for c in store.changelog} >= {"pilot", "calendar"}
    assert [c.date for c in store.changelog] == sorted(c.date for c in store.changelog)


def _write(tmp_path, body: str):
    (tmp_path / "example.yaml").write_text(textwrap.dedent(body), encoding="utf-8")
    return tmp_path


HEADER = """\
    description: {fi: Esimerkki, sv: Exempel, en: Example}
    changelog:
      - {date: 2020-01-01, change: first value, reference: test}
    parameters:
      limit:
        description: {fi: Raja, sv: Gräns, en: Limit}
        unit: persons
        values:
"""


def test_values_with_a_gap_have_no_value_inside_the_gap(tmp_path):
    store = ParameterStore.from_directory(
        _write(
            tmp_path,
            HEADER
            + """\
          - {from: 2020-01-01, to: 2020-12-31, value: 30000, reference: "A s. 1"}
          - {from: 2022-01-01, value: 20000, reference: "B s. 2"}
    """,
        )
    )
    assert store.value("example.limit", D(2020, 12, 31)) == 30000
    assert store.value("example.limit", D(2022, 1, 1)) == 20000
    with pytest.raises(NoParameterValue):
        store.value("example.limit", D(2021, 6, 1))
    with pytest.raises(NoParameterValue):
        store.value("example.limit", D(2019, 12, 31))


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        ("- {from: 2020-01-01, value: 1}\n", "reference"),
        (
            "- {from: 2020-01-01, value: 1, reference: x}\n"
            "          - {from: 2021-01-01, value: 2, reference: y}\n",
            "overlaps",
        ),
        ("- {from: 2020-01-01, to: 2019-01-01, value: 1, reference: x}\n", "'to'"),
        ('- {from: "not a date", value: 1, reference: x}\n', "'from'"),
        ("- {from: 2020-01-01, reference: x}\n", "no 'value'"),
    ],
)
def test_malformed_parameter_files_are_refused_with_the_reason(tmp_path, values, problem):
    with pytest.raises(ParameterError, match=problem):
        ParameterStore.from_directory(_write(tmp_path, HEADER + "          " + values))


def test_fingerprint_changes_when_a_value_changes(tmp_path):
    body = HEADER + '          - {from: 2020-01-01, value: 30000, reference: "A"}\n'
    before = ParameterStore.from_directory(_write(tmp_path, body)).fingerprint(["example.limit"])
    after = ParameterStore.from_directory(_write(tmp_path, body.replace("30000", "25000"))).fingerprint(
        ["example.limit"]
    )
    assert before != after
