"""The rules console's contract (R-REF-4, R-APP-6; foundation issue §6): `rules list`, `rules run`,
exit codes and output.

Runs the real `kuntakokeilu` console script against the test database, and the project's own contract check
(`kuntakokeilu.rules.contract`, also `kuntakokeilu rules check`) over it.
"""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from kuntakokeilu.rules import console as rules_console
from tests.console import check_contract, console, write

pytestmark = pytest.mark.django_db

EXAMPLES = [
    {"id": "heinavesi-2020", "kunta_code": "090", "on": "2020-06-01"},
    {"id": "heinavesi-2021", "kunta_code": "090", "on": "2021-06-01"},
    {"id": "honkajoki-2021", "kunta_code": "099", "on": "2021-06-01"},
    {"id": 4, "kunta_code": "743"},
]


def test_the_contract_check_finds_the_contract_kept(console_env, tmp_path):
    path = write(tmp_path, EXAMPLES)
    assert check_contract(console_env, "municipality-on-date", path, "--on", "2022-09-01") == []


def test_rules_check_runs_the_rule_and_reports_the_contract_kept(console_env, tmp_path):
    result = console(
        console_env,
        "check",
        "municipality-on-date",
        "--input",
        write(tmp_path, EXAMPLES),
        "--on",
        "2022-09-01",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "municipality-on-date: contract holds (4 items)"


def test_rules_check_prints_every_breach_and_exits_1(monkeypatch, tmp_path):
    """The output `rules run` would print, broken: no Swedish texts and the items in reverse order."""
    real_as_json = rules_console.as_json

    def broken(results):
        output = json.loads(real_as_json(results))
        for obj in output:
            for check in obj["checks"]:
                del check["text"]["sv"]
        return json.dumps(output[::-1])

    monkeypatch.setattr(rules_console, "as_json", broken)
    out = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command(
            "rules", "check", "municipality-on-date", "--input", write(tmp_path, EXAMPLES), stdout=out
        )
    assert raised.value.returncode == 1
    lines = out.getvalue().splitlines()
    assert lines[0] == "the output ids are not the input ids in input order"
    assert "item 'heinavesi-2020' check 'municipality_exists': no sv text" in lines, lines
    assert lines[-1] == f"municipality-on-date: {len(lines) - 1} breaches (4 items)"


def test_run_answers_heinavesi_and_honkajoki_in_order(console_env, tmp_path):
    result = console(
        console_env, "run", "municipality-on-date", "--input", write(tmp_path, EXAMPLES), "--on", "2022-09-01"
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert [o["id"] for o in out] == ["heinavesi-2020", "heinavesi-2021", "honkajoki-2021", 4]
    assert [o["on"] for o in out] == ["2020-06-01", "2021-06-01", "2021-06-01", "2022-09-01"]
    assert out[0]["result"]["ely_code"] == "07" and out[1]["result"]["ely_code"] == "09"
    assert out[2]["status"] == "fail" and out[2]["result"] is None
    assert "Kankaanpää (214)" in out[2]["checks"][0]["text"]["sv"]
    assert out[3]["result"]["trial_area_no"] == 1
    trial = next(c for c in out[3]["checks"] if c["code"] == "trial_area")
    assert trial["parameters"][1] == {
        "name": "pilot.end_date",
        "value": "2024-12-31",
        "reference": "L1269 s. 23 mom 1 as amended by L287/2022",
    }


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fi", "Honkajoki (099) yhdistyi kuntaan Kankaanpää (214) 1.1.2021"),
        ("sv", "Honkajoki (099) slogs samman med Kankaanpää (214) den 1.1.2021"),
        ("en", "Honkajoki (099) merged into Kankaanpää (214) on 1 January 2021"),
    ],
)
def test_text_format_explains_in_the_language_asked(console_env, tmp_path, lang, expected):
    path = write(tmp_path, EXAMPLES[2:3])
    result = console(
        console_env, "run", "municipality-on-date", "--input", path, "--format", "text", "--lang", lang
    )
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout


def test_input_from_standard_input(console_env):
    result = console(
        console_env, "run", "municipality-on-date", "--input", "-", stdin=json.dumps(EXAMPLES[:1])
    )
    assert json.loads(result.stdout)[0]["result"]["kunta_code"] == "090"


@pytest.mark.parametrize(
    ("items", "in_message"),
    [
        ('[{"id": 1, ', "not valid JSON"),
        ({"id": 1, "kunta_code": "091"}, "JSON array"),
        ([{"kunta_code": "091"}], "'id'"),
        ([{"id": "a"}], "item 'a', field 'kunta_code': missing"),
        ([{"id": "a", "kunta_code": None}], "field 'kunta_code': must not be null"),
        ([{"id": "a", "kunta_code": 91}], "field 'kunta_code'"),
        ([{"id": "a", "kunta_code": "999"}], "item 'a', field 'kunta_code': unknown municipality code '999'"),
        ([{"id": "a", "kunta_code": "091", "extra": 1}], "item 'a', field 'extra': unknown field"),
        ([{"id": "a", "kunta_code": "091", "on": "2021-02-30"}], "item 'a', field 'on'"),
        ([{"id": "a", "kunta_code": "091"}, {"id": "a", "kunta_code": "049"}], "same id"),
        ([{"id": "ok", "kunta_code": "091"}, {"id": "bad", "kunta_code": "000"}], "item 'bad'"),
    ],
)
def test_bad_input_exits_2_with_nothing_on_stdout(console_env, tmp_path, items, in_message):
    result = console(console_env, "run", "municipality-on-date", "--input", write(tmp_path, items))
    assert result.returncode == 2
    assert result.stdout == ""
    assert in_message in result.stderr


def test_unknown_rule_exits_2(console_env, tmp_path):
    result = console(console_env, "run", "no-such-rule", "--input", write(tmp_path, EXAMPLES))
    assert (result.returncode, result.stdout) == (2, "")
    assert "unknown rule 'no-such-rule'" in result.stderr


def test_bad_on_option_exits_2(console_env, tmp_path):
    result = console(
        console_env, "run", "municipality-on-date", "--input", write(tmp_path, EXAMPLES), "--on", "1.3.2021"
    )
    assert (result.returncode, result.stdout) == (2, "")


def test_list_prints_name_version_and_typed_fields(console_env):
    result = console(console_env, "list")
    assert result.returncode == 0, result.stderr
    assert "municipality-on-date  version 1+" in result.stdout
    assert "kunta_code: kunta_code" in result.stdout and "on: date|null" in result.stdout


def test_the_console_never_writes(console_env, tmp_path):
    from kuntakokeilu.regions.models import Municipality

    before = list(Municipality.objects.values_list("code", "name_fi", "valid_to"))
    console(console_env, "run", "municipality-on-date", "--input", write(tmp_path, EXAMPLES))
    assert list(Municipality.objects.values_list("code", "name_fi", "valid_to")) == before
