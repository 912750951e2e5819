"""The compact record's codec (R-REF-4; issue 13 item 2), as pure functions: what is shared goes to content-
addressed parts, every argument comes back with its type, and parameter values come from the version's
history unless the history lacks them."""

import datetime as dt

import pytest

from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.outcome import Check, Outcome, ParameterUse
from kuntakokeilu.rules.parameters import ParameterValue
from kuntakokeilu.rules.records import compact, expand, intern_key, shape_keys, value_keys

pytestmark = pytest.mark.nodb
ON = dt.date(2022, 9, 1)
LIMIT = ParameterValue(
    "target_group.age_limit", dt.date(2021, 3, 1), None, 30, "years", "L1269 s. 4 mom 1 p. 3"
)
HISTORY = {LIMIT.name: [LIMIT]}


def outcome(found, args, parameters=(ParameterUse(LIMIT.name, 30, LIMIT.reference),)):
    msg = Message("Born %(birth_date)s, aged %(age)s on %(on)s: under %(limit)s.", args)
    return Outcome(
        "target-group",
        "1+x.y",
        ON,
        {"in_target_group": True},
        None,
        (Check("age", "pass", found, msg, parameters),),
    )


def round_trip(o, history=HISTORY):
    parts: dict = {}
    record = compact(o, history, parts)
    assert shape_keys(record) <= parts.keys() and value_keys(record, parts) <= parts.keys()
    return record, parts, expand(record, parts, history)


def test_arguments_come_back_with_their_types_and_figures_are_not_repeated():
    o = outcome(
        {"birth_date": "1995-05-14", "age": 27, "flag": True},
        {
            "birth_date": dt.date(1995, 5, 14),
            "age": 27,
            "on": ON,
            "limit": 1,
            "name": {"fi": "Helsinki", "sv": "Helsingfors"},
        },
    )
    record, parts, back = round_trip(o)
    assert back.to_json() == o.to_json()
    shape = parts[record["checks"][0][0]]
    assert dict(shape["args"]) == {
        "birth_date": "d:birth_date",
        "age": "f:age",
        "on": "on",
        "limit": "v",
        "name": "i",
    }
    assert record["checks"][0][1:4] == ["1995-05-14", 27, True]  # the figures once, then 1 (True is not 1)


def test_a_string_that_looks_like_a_date_stays_a_string():
    o = outcome({"code": "2021-03-01"}, {"birth_date": "2021-03-01", "age": 1, "on": ON, "limit": 30})
    _record, _parts, back = round_trip(o)
    assert back.checks[0].message.args["birth_date"] == "2021-03-01"
    assert back.to_json() == o.to_json()


def test_parameter_values_come_from_the_history_unless_it_lacks_them():
    o = outcome({"age": 27}, {"birth_date": dt.date(1995, 5, 14), "age": 27, "on": ON, "limit": 30})
    record, parts, back = round_trip(o)
    assert parts[record["checks"][0][0]]["params"] == [LIMIT.name]
    assert back.checks[0].parameters == (ParameterUse(LIMIT.name, 30, LIMIT.reference),)

    overlay = outcome(
        {"age": 27},
        {"birth_date": dt.date(1995, 5, 14), "age": 27, "on": ON, "limit": 25},
        (ParameterUse(LIMIT.name, 25, "what-if"),),
    )
    record, parts, back = round_trip(overlay)
    assert parts[record["checks"][0][0]]["params"] == [[LIMIT.name, 25, "what-if"]]
    assert back.to_json() == overlay.to_json()


def test_decisions_alike_share_their_shape_and_keys_are_content_addresses():
    args = {"birth_date": dt.date(1995, 5, 14), "age": 27, "on": ON, "limit": 30}
    one, _parts_one, _ = round_trip(outcome({"age": 27}, args))
    other, _parts_other, _ = round_trip(outcome({"age": 41}, {**args, "age": 41}))
    assert one["checks"][0][0] == other["checks"][0][0] and one["checks"][0][1:] != other["checks"][0][1:]
    assert intern_key({"a": 1, "b": 2}) == intern_key({"b": 2, "a": 1}) != intern_key({"a": 1, "b": 3})
    assert len(intern_key({})) == 8


def _unremembered(o, history=HISTORY):
    """The record as `_compact_check` makes it for each check, with no memo."""
    from kuntakokeilu.rules import records

    parts: dict = {}
    checks = [records._compact_check(c, o.on, history, parts) for c in o.checks]
    return checks, parts


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ({"limit": 1}, {"limit": True}),  # equal in Python, not in the record
        ({"limit": 1}, {"limit": 1.0}),
        ({"limit": 0.0}, {"limit": -0.0}),
        ({"limit": "2021-03-01"}, {"limit": dt.date(2021, 3, 1)}),
        ({"limit": ["a"]}, {"limit": ("a",)}),
        ({"limit": {"fi": "Helsinki"}}, {"limit": Message("%(n)s", {"n": "Helsinki"})}),
        ({"limit": Message("%(n)s", {"n": 1})}, {"limit": Message("%(n)s", {"n": True})}),
    ],
)
def test_a_remembered_check_is_the_check_made_anew(first, second):
    """records.compact makes each distinct check once per history (issue 13, item 3): checks that Python
    finds equal but whose records differ are remembered apart, and every record equals the one made
    without the memo, its parts added each time."""
    base = {"birth_date": dt.date(1995, 5, 14), "age": 27, "on": ON}
    for args in (first, second, first, second):
        o = outcome(
            {"age": 27, "flag": args["limit"] if not isinstance(args["limit"], Message) else 1},
            {**base, **args},
        )
        parts: dict = {}
        record = compact(o, HISTORY, parts)
        checks, expected_parts = _unremembered(o)
        assert record["checks"] == checks and parts == expected_parts
        assert expand(record, parts, HISTORY).to_json() == o.to_json()


def test_the_memo_is_per_history():
    """The same check under another history (another rule version's parameters) is made anew."""
    o = outcome({"age": 27}, {"birth_date": dt.date(1995, 5, 14), "age": 27, "on": ON, "limit": 30})
    record, parts, _ = round_trip(o)
    assert parts[record["checks"][0][0]]["params"] == [LIMIT.name]
    record, parts, back = round_trip(o, history={})  # the value is not in this history: kept in the shape
    assert parts[record["checks"][0][0]]["params"] == [[LIMIT.name, 30, LIMIT.reference]]
    assert back.to_json() == o.to_json()
