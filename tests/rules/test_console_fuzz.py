"""Hypothesis over the input of every registered rule (issue 12, item 6; R-X-3, R-REF-4): for any input the
rules console either succeeds (exit 0, its output keeps the console's contract, rules/contract.py) or refuses
it (exit 2, a message on stderr, nothing on stdout); never a traceback, never exit 1.

The rules are taken from the registry, so a new rule is covered as soon as it is registered; its input is
generated from its declared fields, by field type (`FIELD_STRATEGIES`: a new field type needs a strategy here,
test_every_field_type_has_a_strategy says so). Two kinds of input: items of the rule's own shape (dates from
year 1 to 9999, real and unknown municipality codes, nulls where allowed, omitted fields, then one field
broken, dropped or added) and anything else JSON can say, or not say (wrong types, deep nesting, huge numbers,
NaN, odd unicode, NUL, a byte-order mark, bytes that are not UTF-8). The console's command runs in-process
(tests/console.py) on the real reference data. The number of cases run is printed at the end of the run.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kuntakokeilu.customers.identity import make_henkilotunnus, parse_henkilotunnus
from kuntakokeilu.rules import contract
from kuntakokeilu.rules.registry import Rule, all_rules, get_rule
from kuntakokeilu.rules.schema import FIELD_TYPES
from kuntakokeilu.service_process.deadlines import EVENT_TYPES
from tests.console import console_in_process
from tests.fuzzing import CASES, bounded

pytestmark = pytest.mark.django_db

RULES = [rule.name for rule in all_rules()]
TYPED_EXAMPLES = 100  # per rule
MALFORMED_EXAMPLES = 60  # per rule

# Real municipalities (R-REF-1): Helsinki, Porvoo, Kajaani, Maarianhamina (Åland), Espoo, Oulu, Loviisa,
# Kotka, Hamina, Honkajoki (merged into Kankaanpää in 2021), Vantaa; then codes that are no municipality's.
REAL_CODES = ["091", "638", "205", "478", "049", "564", "434", "285", "075", "099", "092"]
UNKNOWN_CODES = ["000", "999", "91", "0910", "", "O91", "٠٩١"]
real_codes = st.sampled_from(REAL_CODES)

EDGE_DATES = ["0001-01-01", "9999-12-31", "1799-12-31", "2200-01-01"]
good_dates = st.one_of(
    st.dates(dt.date(1800, 1, 1), dt.date(2199, 12, 31)),
    st.dates(dt.date(2019, 1, 1), dt.date(2026, 12, 31)),  # around the pilot (2021-03-01…2024-12-31)
    st.sampled_from([dt.date(1800, 1, 1), dt.date(2199, 12, 31), dt.date(2021, 3, 1), dt.date(2024, 12, 31)]),
).map(dt.date.isoformat)
bad_dates = st.one_of(
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat),
    st.sampled_from(EDGE_DATES),
    st.sampled_from(["2021-02-30", "2021-13-01", "21-03-01", "2021-3-1", "2021-03-01T00:00", " 2021-03-01"]),
)
huge_ints = st.sampled_from([2**31, 2**63, -(2**63) - 1, 10**30, -(10**30), 10**400])
integers = st.one_of(st.integers(-5, 100_000), huge_ints)
# Figures of an application (euros, person-years): up to a trillion; past it, and what JSON as Python reads it
# also holds (NaN, Infinity, 1e999 being Infinity), is refused.
non_negative = st.one_of(
    st.integers(0, 10**9), st.floats(min_value=0, max_value=1e12), st.sampled_from([0, 10**12, 1e12])
)
too_large = st.sampled_from([10**12 + 1, 10**30, 10**400, 1e308, float("inf"), float("nan"), -1, -0.5])
numbers = st.one_of(integers, st.floats(allow_nan=True, allow_infinity=True))
odd_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["\x00", "a\x00b", "\ufeff", "\u202e091", "ä" * 5000, "\ud800", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", ""]),
)
MOTHER_TONGUES = ["fi", "sv", "se", "smn", "sms", "xx", "so", "ru", "uk", "ar"]
ROUNDS = ["main-2019", "supplementary-2020"]


def _henkilotunnus(born: dt.date, number: int, damage: int) -> str:
    code = make_henkilotunnus(born, number)
    return [code, code[:-1] + ("X" if code[-1] != "X" else "Y"), code.lower(), code[:10], code + "0"][damage]


def henkilotunnukset(damage: st.SearchStrategy) -> st.SearchStrategy:
    return st.builds(
        _henkilotunnus, st.dates(dt.date(1800, 1, 1), dt.date(2099, 12, 31)), st.integers(2, 899), damage
    )


def customerships(codes, dates) -> st.SearchStrategy:
    return st.one_of(
        st.fixed_dictionaries({"type": st.just("municipality"), "kunta_code": codes, "since": dates}),
        st.fixed_dictionaries({"type": st.just("te_office"), "since": dates}, optional={"kunta_code": codes}),
    )


def spans(sign: int) -> st.SearchStrategy:
    """A service's start and its expected end, `sign` 1 on or after the start, -1 before it."""
    return st.tuples(
        st.dates(dt.date(2019, 1, 1), dt.date(2026, 12, 31)), st.integers(0 if sign > 0 else 1, 400)
    ).map(
        lambda t: {
            "start": t[0].isoformat(),
            "expected_end": (t[0] + dt.timedelta(days=sign * t[1])).isoformat(),
        }
    )


def unique_codes(draw_from) -> st.SearchStrategy:
    return st.lists(draw_from, min_size=1, max_size=5, unique=True)


# Per field type (rules/schema.py and the apps' register_field_type): (good, bad). Good values pass the
# field's own check (a rule's checks across fields may still refuse them); bad ones are of the right JSON
# type but wrong (an unknown code, a date out of range), or of another type.
FIELD_STRATEGIES: dict[str, tuple[st.SearchStrategy, st.SearchStrategy]] = {
    "str": (odd_text, st.one_of(integers, st.booleans())),
    "int": (integers, st.one_of(st.floats(), st.booleans(), odd_text)),
    "number": (numbers, st.one_of(st.booleans(), odd_text)),
    "bool": (st.booleans(), st.one_of(st.integers(0, 1), st.sampled_from(["true", "kyllä"]))),
    "date": (good_dates, bad_dates),
    "list[str]": (st.lists(odd_text, max_size=4), st.lists(integers, min_size=1, max_size=2)),
    "object": (st.dictionaries(odd_text, st.integers(), max_size=3), st.lists(st.integers(), max_size=2)),
    "kunta_code": (real_codes, st.one_of(st.sampled_from(UNKNOWN_CODES), st.integers(0, 999))),
    "henkilotunnus": (henkilotunnukset(st.just(0)), st.one_of(henkilotunnukset(st.integers(1, 4)), odd_text)),
    "mother_tongue": (st.sampled_from(MOTHER_TONGUES), st.sampled_from(["zz", "FI", "fin", "", "f\x00"])),
    "customership": (
        customerships(real_codes, good_dates),
        st.one_of(
            customerships(st.sampled_from(UNKNOWN_CODES), bad_dates),
            st.fixed_dictionaries({"type": st.sampled_from(["aland", "", "municipality"])}),
            st.fixed_dictionaries({"type": st.just("te_office"), "since": good_dates, "extra": st.just(1)}),
        ),
    ),
    "application_round": (st.sampled_from(ROUNDS), st.sampled_from(["demo-open", "no-such-round", ""])),
    "application_name": (odd_text, st.one_of(integers, st.none())),
    "application_lead": (real_codes, st.sampled_from(UNKNOWN_CODES)),
    "application_municipalities": (
        unique_codes(real_codes),
        st.one_of(
            st.just([]),
            st.lists(real_codes, min_size=2, max_size=4),
            unique_codes(st.sampled_from(UNKNOWN_CODES)),
        ),
    ),
    "earlier_trial_area": (st.integers(1, 30), st.one_of(huge_ints, st.integers(-3, 0), st.floats())),
    "customer_estimate": (st.integers(0, 10**7), st.one_of(st.integers(-9, -1), huge_ints)),
    "own_resourcing": (
        st.fixed_dictionaries({"eur_per_year": non_negative, "person_years": non_negative}),
        st.one_of(
            st.fixed_dictionaries({"eur_per_year": too_large | non_negative, "person_years": too_large}),
            st.fixed_dictionaries(
                {"eur_per_year": numbers, "person_years": odd_text}, optional={"x": st.just(0)}
            ),
        ),
    ),
    "lms_expenditure": (
        st.dictionaries(real_codes, non_negative, max_size=2),
        st.one_of(
            st.dictionaries(st.sampled_from(UNKNOWN_CODES), numbers, min_size=1, max_size=3),
            st.dictionaries(real_codes, too_large, min_size=1, max_size=3),
        ),
    ),
    "negotiation_dates": (
        st.fixed_dictionaries(
            {}, optional={"ely_centre": st.one_of(st.none(), good_dates), "te_office": good_dates}
        ),
        st.fixed_dictionaries({"ely_centre": bad_dates}, optional={"te_office": st.integers()}),
    ),
    # the service process's meetings and services (rule service-deadlines, R-SP-1)
    "service_events": (
        st.lists(
            st.fixed_dictionaries({"type": st.sampled_from(EVENT_TYPES), "date": good_dates}), max_size=4
        ),
        st.one_of(
            st.lists(
                st.fixed_dictionaries(
                    {"type": st.sampled_from(["", "interview", "Plan"]), "date": good_dates}
                ),
                min_size=1,
                max_size=2,
            ),
            st.lists(
                st.fixed_dictionaries({"type": st.sampled_from(EVENT_TYPES), "date": bad_dates}), min_size=1
            ),
            st.just([{"type": "plan"}]),
            st.just({"type": "plan", "date": "2022-05-02"}),
        ),
    ),
    "services": (
        st.lists(spans(1), max_size=3),
        st.one_of(
            st.lists(spans(-1), min_size=1, max_size=2),  # expected to end before it starts
            st.lists(st.fixed_dictionaries({"start": bad_dates, "expected_end": good_dates}), min_size=1),
            st.just([{"start": "2022-05-02"}]),
        ),
    ),
    "working_days": (
        st.integers(1, 60),
        st.one_of(st.integers(-3, 0), huge_ints, st.booleans(), st.floats()),
    ),
    # the job seeker's reported applications (rule job-search-obligation, R-SP-5)
    "job_applications": (
        st.lists(st.fixed_dictionaries({"date": good_dates}), max_size=6),
        st.one_of(
            st.lists(st.fixed_dictionaries({"date": bad_dates}), min_size=1, max_size=2),
            st.just([{"day": "2022-06-01"}]),
            st.just([{"date": "2022-06-01", "employer": "Oy"}]),
            st.just({"date": "2022-06-01"}),
            st.just(["2022-06-01"]),
        ),
    ),
    # the dates of a person's earlier counted failures (rule sanction-ladder, R-SP-8)
    "dates": (
        st.lists(good_dates, max_size=4),
        st.one_of(
            st.lists(bad_dates, min_size=1, max_size=2),
            st.just({"date": "2022-06-01"}),
            st.just([{"date": "2022-06-01"}]),
        ),
    ),
    # a plan's steps and services (rule plan-deadlines, R-SP-5)
    "plan_steps": (
        st.lists(
            st.fixed_dictionaries(
                {"due_on": good_dates, "responsible": st.sampled_from(["job_seeker", "case_worker", "other"])}
            ),
            max_size=4,
        ),
        st.one_of(
            st.lists(
                st.fixed_dictionaries({"due_on": bad_dates, "responsible": st.just("other")}), min_size=1
            ),
            st.just([{"due_on": "2022-06-01", "responsible": "mayor"}]),
            st.just([{"due_on": "2022-06-01"}]),
            st.just({"due_on": "2022-06-01", "responsible": "other"}),
        ),
    ),
    "plan_services": (
        st.lists(
            st.fixed_dictionaries({"starts_on": good_dates, "ends_on": st.none() | good_dates}), max_size=3
        ),
        st.one_of(
            st.lists(st.fixed_dictionaries({"starts_on": bad_dates, "ends_on": st.none()}), min_size=1),
            st.just([{"starts_on": "2022-06-01"}]),
            st.just([{"start": "2022-06-01", "ends_on": None}]),
        ),
    ),
}
ids = st.one_of(st.integers(-(2**40), 2**40), st.text(max_size=12))
OMITTED = object()


def field_value(rule_field, good: bool = True) -> st.SearchStrategy:
    if rule_field.choices:
        return st.sampled_from(rule_field.choices) if good else odd_text
    return FIELD_STRATEGIES[rule_field.type][0 if good else 1]


@st.composite
def typed_item(draw, rule: Rule) -> dict:
    """An item of the rule's shape with good values: every required field; a nullable one given (half the
    time), null or omitted; `on` given or not."""
    fields = {"id": ids, "on": st.sampled_from([None, OMITTED]) | good_dates}
    for f in rule.fields:
        value = field_value(f)
        fields[f.name] = st.sampled_from([None, OMITTED]) | value if f.nullable else value
    item = {k: v for k, v in draw(st.fixed_dictionaries(fields)).items() if v is not OMITTED}
    return CONSISTENT[rule.name](draw, item) if rule.name in CONSISTENT else item


def _target_group_consistent(draw, item: dict) -> dict:
    """target-group's own checks across fields: one of the identity code and the birth date (the date the
    code's, if both), one of kotikunta and residence."""
    if item.get("henkilotunnus") is not None and item.get("birth_date") is not None:
        item["birth_date"] = parse_henkilotunnus(item["henkilotunnus"]).birth_date.isoformat()
    if item.get("henkilotunnus") is None and item.get("birth_date") is None:
        item["birth_date"] = draw(good_dates)
    if item.get("kotikunta") is None and item.get("residence") is None:
        item["kotikunta"] = draw(real_codes)
    return item


def _screening_consistent(draw, item: dict) -> dict:
    """application-screening's: expenditure only for the application's municipalities; an enlarged area
    mostly none (which areas were selected before depends on the round)."""
    if item.get("lms_expenditure_2018_eur") is not None:
        codes = draw(st.lists(st.sampled_from(item["municipalities"]), unique=True))
        item["lms_expenditure_2018_eur"] = {code: draw(non_negative) for code in codes}
    if item.get("extends_area") is not None and draw(st.booleans()):
        item["extends_area"] = None
    return item


def _obligation_consistent(draw, item: dict) -> dict:
    """job-search-obligation's: a reduced count with its reason (and not negative), the self-study's start
    and end together and in order, the interview not before the job search, the discussion not before the
    lay-off."""
    if item.get("reduced_count") is None:
        item.pop("reduced_reason", None)
    else:
        item["reduced_count"] = draw(st.integers(0, 5))
        item["reduced_reason"] = draw(st.text(min_size=1, max_size=20).filter(str.strip))
    study = [item.get("self_study_start"), item.get("self_study_end")]
    if None in study:
        item.pop("self_study_start", None), item.pop("self_study_end", None)
    else:
        item["self_study_start"], item["self_study_end"] = sorted(study)
    if item.get("initial_interview") and item["initial_interview"] < item["job_search_start"]:
        item["initial_interview"] = item["job_search_start"]
    pair = [item.get("layoff_start"), item.get("layoff_discussion")]
    if None not in pair:
        item["layoff_start"], item["layoff_discussion"] = sorted(pair)
    return item


# Good items of a rule with checks across fields keep those checks (the mutations below still break them).
CONSISTENT = {
    "target-group": _target_group_consistent,
    "application-screening": _screening_consistent,
    "job-search-obligation": _obligation_consistent,
}


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), integers, st.floats(), odd_text),
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(odd_text, children, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def rule_input(draw, rule: Rule) -> str:
    """A JSON array of one to three items of the rule's shape; a third of the time one thing in one item is
    wrong: a bad value for a field, a field dropped or nulled, any JSON in its place, a key the rule does not
    know, or an id that is no id."""
    items = draw(st.lists(typed_item(rule), min_size=1, max_size=3, unique_by=lambda i: json.dumps(i["id"])))
    if draw(st.sampled_from([True, False, False])):
        item = items[draw(st.integers(0, len(items) - 1))]
        fields = {f.name: f for f in rule.fields}
        name = draw(st.sampled_from([*fields, "on"]))
        how = draw(st.sampled_from(["bad", "bad", "drop", "null", "json", "unknown key", "id"]))
        if how == "bad":
            item[name] = draw(field_value(fields[name], good=False) if name in fields else bad_dates)
        elif how == "drop":
            item.pop(name, None)
        elif how == "null":
            item[name] = None
        elif how == "json":
            item[name] = draw(json_values)
        elif how == "unknown key":
            item[draw(odd_text.filter(lambda k: k not in fields and k not in ("id", "on")))] = draw(
                json_values
            )
        else:
            item["id"] = draw(
                st.one_of(st.none(), st.booleans(), st.floats(), st.lists(st.integers(), max_size=2))
            )
    return json.dumps(items, ensure_ascii=False)


malformed_text = st.one_of(
    json_values.map(json.dumps),  # any JSON value, mostly not an array of objects
    st.lists(json_values, max_size=4).map(json.dumps),  # an array of anything
    st.text(max_size=60),  # not JSON at all, NUL and lone surrogates included
    st.integers(1, 200_000).map(lambda n: "[" * n + "]" * n),  # nested deeper than any rule input
    st.integers(1, 5000).map(lambda n: '[{"id": 1, "x": ' + "[" * n + "]" * n + "}]"),
    st.sampled_from(
        ["", " ", "[]", "[{}]", "{}", "null", "NaN", "[1e999]", "[" + "9" * 5000 + "]", '"\\u0000"']
    ),
    st.text(max_size=30).map(lambda s: "\ufeff" + s),  # a byte-order mark before anything
)


def check_run(rule_name: str, text: str, *args: str) -> None:
    """Exit 0 and the contract kept, or exit 2 with a message and nothing on stdout; nothing else."""
    result = console_in_process("run", rule_name, "--input", "-", *args, stdin=text)
    if result.returncode == 0:
        assert result.stderr == "", result.stderr
        if "text" not in args:
            found = contract.breaches_in_text(json.loads(text), result.stdout, rule_name)
            assert found == [], found
        else:
            assert result.stdout.strip()
    else:
        assert result.returncode == 2, (result.returncode, result.stderr)
        assert result.stdout == ""
        message = result.stderr.removeprefix("CommandError: ").strip()
        assert message and "Traceback" not in message, result.stderr


@pytest.fixture
def reference_data():
    """The real rounds (the screening rule's input names them); the municipalities are in every test
    database (tests/conftest.py)."""
    from kuntakokeilu.applications.models import Round
    from kuntakokeilu.applications.rounds import load_rounds

    if not Round.objects.filter(code="main-2019").exists():
        load_rounds()


def test_every_field_type_has_a_strategy():
    """A new field type needs a strategy above, so that the rules using it are fuzzed by type."""
    used = {f.type for rule in all_rules() for f in rule.fields if not f.choices}
    assert used <= set(FIELD_STRATEGIES), used - set(FIELD_STRATEGIES)
    assert used <= set(FIELD_TYPES)


@pytest.mark.parametrize("rule_name", RULES)
def test_items_of_the_rules_shape_are_run_or_refused_with_a_message(reference_data, rule_name):
    """R-X-3, R-REF-4: items built from the rule's declared fields, in JSON or text output, with or without
    --on; every outcome keeps the console's contract."""
    rule = get_rule(rule_name)
    count = 0

    @given(
        text=rule_input(rule),
        on=st.one_of(st.none(), good_dates, bad_dates, st.just("nonsense")),
        output=st.sampled_from(["json", "json", "text"]),
    )
    @bounded(TYPED_EXAMPLES)
    def fuzz(text, on, output):
        nonlocal count
        count += 1
        check_run(rule_name, text, "--format", output, *(["--on", on] if on is not None else []))

    fuzz()
    CASES[f"rules console, items of the rule's shape: {rule_name}"] += count


@pytest.mark.parametrize("rule_name", RULES)
def test_malformed_input_is_refused_with_a_message(reference_data, rule_name):
    """R-X-3: input that is no array of items (or not JSON, or nested without end) exits 2, never 1."""
    count = 0

    @given(text=malformed_text)
    @bounded(MALFORMED_EXAMPLES)
    def fuzz(text):
        nonlocal count
        count += 1
        check_run(rule_name, text, "--on", "2022-09-01")

    fuzz()
    CASES[f"rules console, malformed input: {rule_name}"] += count


@pytest.mark.parametrize("rule_name", RULES)
def test_a_file_that_is_not_utf8_is_refused_with_a_message(reference_data, rule_name, tmp_path):
    """R-X-3: bytes that are no UTF-8 (Latin-1, UTF-16, NUL) in a file exit 2 naming the file."""
    count = 0
    path = tmp_path / "items.json"

    @given(data=st.binary(min_size=1, max_size=60).filter(lambda b: not _utf8(b)))
    @bounded(20)
    def fuzz(data):
        nonlocal count
        count += 1
        path.write_bytes(data)
        result = console_in_process("run", rule_name, "--input", path)
        assert (result.returncode, result.stdout) == (2, "")
        assert f"cannot read {path}" in result.stderr

    fuzz()
    CASES[f"rules console, bytes that are not UTF-8: {rule_name}"] += count


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
