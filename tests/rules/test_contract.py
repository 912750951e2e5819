"""The project's own check of the rules console's contract (kuntakokeilu.rules.contract): it finds each kind
of breach, and nothing in output that keeps the contract."""

import copy
import json

import pytest

from kuntakokeilu.rules.contract import breaches, breaches_in_text, summary

pytestmark = pytest.mark.nodb

RULE = "municipality-on-date"
ITEMS = [{"id": "a", "kunta_code": "090"}, {"id": 2, "kunta_code": "099", "on": "2021-06-01"}]


def check(code="known", status="pass"):
    return {
        "code": code,
        "status": status,
        "found": {"kunta_code": "090"},
        "parameters": [{"name": "pilot.start", "value": "2021-03-01", "reference": "L 1269/2020 § 1"}],
        "text": {"fi": "Kunta on olemassa.", "sv": "Kommunen finns.", "en": "The municipality exists."},
    }


def kept():
    """Output that keeps the contract: one object per item, in input order."""
    return [
        {
            "id": item["id"],
            "rule": RULE,
            "rule_version": "1.0",
            "on": item.get("on", "2022-09-01"),
            "result": None,
            "status": status,
            "checks": [check()],
        }
        for item, status in zip(ITEMS, ["pass", None], strict=True)
    ]


def test_output_that_keeps_the_contract_has_no_breach():
    assert breaches(ITEMS, kept(), RULE) == []
    assert breaches_in_text(ITEMS, json.dumps(kept()), RULE) == []
    assert summary(RULE, [], 2) == "municipality-on-date: contract holds (2 items)"


def test_every_status_of_the_vocabulary_is_kept():
    output = kept()
    output[0]["checks"] = [check(str(n), status) for n, status in enumerate(["pass", "warn", "fail", "info"])]
    for status in ("pass", "warn", "fail", "info", None):
        output[0]["status"] = status
        assert breaches(ITEMS, output, RULE) == []


def obj(output, index=0):
    return output[index]


def first_check(output):
    return output[0]["checks"][0]


# Each case: a change to output that keeps the contract, and the breaches it must give (exactly).
CASES = {
    "ids in another order": (lambda o: o.reverse(), ["the output ids are not the input ids in input order"]),
    "an item missing": (lambda o: o.pop(), ["the output ids are not the input ids in input order"]),
    "an item too many": (
        lambda o: o.append(copy.deepcopy(o[0])),
        ["the output ids are not the input ids in input order"],
    ),
    "another id": (lambda o: obj(o).update(id="b"), ["the output ids are not the input ids in input order"]),
    "an element not an object": (
        lambda o: o.__setitem__(1, "x"),
        ["the output ids are not the input ids in input order", "an output element is not an object: 'x'"],
    ),
    "missing result": (lambda o: obj(o).pop("result"), ["item 'a': missing result"]),
    "missing status": (lambda o: obj(o).pop("status"), ["item 'a': missing status"]),
    "missing rule": (
        lambda o: obj(o).pop("rule"),
        ["item 'a': missing rule", "item 'a': rule is None, not 'municipality-on-date'"],
    ),
    "another rule": (
        lambda o: obj(o).update(rule="target-group"),
        ["item 'a': rule is 'target-group', not 'municipality-on-date'"],
    ),
    "missing rule_version": (
        lambda o: obj(o).pop("rule_version"),
        ["item 'a': missing rule_version", "item 'a': rule_version is not a non-empty string"],
    ),
    "rule_version a number": (
        lambda o: obj(o).update(rule_version=1),
        ["item 'a': rule_version is not a non-empty string"],
    ),
    "rule_version empty": (
        lambda o: obj(o).update(rule_version=""),
        ["item 'a': rule_version is not a non-empty string"],
    ),
    "missing on": (
        lambda o: obj(o).pop("on"),
        ["item 'a': missing on", "item 'a': on is not YYYY-MM-DD: None"],
    ),
    "on in Finnish": (lambda o: obj(o).update(on="1.9.2022"), ["item 'a': on is not YYYY-MM-DD: '1.9.2022'"]),
    "on not a day": (
        lambda o: obj(o).update(on="2022-13-01"),
        ["item 'a': on is not YYYY-MM-DD: '2022-13-01'"],
    ),
    "status outside the vocabulary": (
        lambda o: obj(o).update(status="ok"),
        ["item 'a': status 'ok' is not one of pass|warn|fail|info|null"],
    ),
    "status a list": (
        lambda o: obj(o).update(status=["pass"]),
        ["item 'a': status ['pass'] is not one of pass|warn|fail|info|null"],
    ),
    "missing checks": (lambda o: obj(o).pop("checks"), ["item 'a': missing checks"]),
    "no checks": (
        lambda o: obj(o).update(checks=[]),
        ["item 'a': no checks (every outcome explains itself)"],
    ),
    "checks not a list": (lambda o: obj(o).update(checks={}), ["item 'a': checks is not a list"]),
    "a check not an object": (lambda o: obj(o).update(checks=["x"]), ["item 'a': check 1 is not an object"]),
    "check code not a string": (
        lambda o: first_check(o).update(code=7),
        ["item 'a' check 7: code is not a string"],
    ),
    "check status null": (
        lambda o: first_check(o).update(status=None),
        ["item 'a' check 'known': status None is not one of pass|warn|fail|info"],
    ),
    "check status outside the vocabulary": (
        lambda o: first_check(o).update(status="error"),
        ["item 'a' check 'known': status 'error' is not one of pass|warn|fail|info"],
    ),
    "check missing found": (lambda o: first_check(o).pop("found"), ["item 'a' check 'known': missing found"]),
    "parameters missing": (
        lambda o: first_check(o).pop("parameters"),
        ["item 'a' check 'known': parameters is not a list of {name, value, reference}"],
    ),
    "a parameter without its reference": (
        lambda o: first_check(o)["parameters"][0].pop("reference"),
        ["item 'a' check 'known': parameters is not a list of {name, value, reference}"],
    ),
    "a parameter with other keys": (
        lambda o: first_check(o)["parameters"].append({"name": "x", "law": "y", "other": 1}),
        ["item 'a' check 'known': parameters is not a list of {name, value, reference}"],
    ),
    "a parameter not an object": (
        lambda o: first_check(o)["parameters"].append("age_limit"),
        ["item 'a' check 'known': parameters is not a list of {name, value, reference}"],
    ),
    "no Swedish text": (lambda o: first_check(o)["text"].pop("sv"), ["item 'a' check 'known': no sv text"]),
    "blank Finnish text": (
        lambda o: first_check(o)["text"].update(fi="  "),
        ["item 'a' check 'known': no fi text"],
    ),
    "English text not a string": (
        lambda o: first_check(o)["text"].update(en=None),
        ["item 'a' check 'known': no en text"],
    ),
    "no text at all": (
        lambda o: first_check(o).pop("text"),
        [f"item 'a' check 'known': no {lang} text" for lang in ("fi", "sv", "en")],
    ),
}


@pytest.mark.parametrize("change", CASES)
def test_each_kind_of_breach_is_found(change):
    mutate, expected = CASES[change]
    output = kept()
    mutate(output)
    assert breaches(ITEMS, output, RULE) == expected


@pytest.mark.parametrize("text", ["", "[{]", "nothing"])
def test_output_that_is_not_json_is_a_breach(text):
    [breach] = breaches_in_text(ITEMS, text, RULE)
    assert breach.startswith("the output is not JSON")


@pytest.mark.parametrize("output", [{"id": "a"}, None, "[]"])
def test_output_that_is_not_an_array_is_a_breach(output):
    assert breaches(ITEMS, output, RULE) == ["the output is not a JSON array"]


def test_the_summary_counts_the_breaches():
    assert summary(RULE, ["x", "y"], 4) == "municipality-on-date: 2 breaches (4 items)"
