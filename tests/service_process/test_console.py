"""The rule `service-deadlines` through the rules console (R-SP-1, R-REF-4): the contract check over the
real `rules run` output, the issue's examples, explanations in fi/sv/en and exit 2 for bad input."""

import json

import pytest

from tests.console import check_contract, console, write

pytestmark = pytest.mark.django_db

EXAMPLES = [
    {"id": "friday-23-12-2022", "on": "2022-12-23", "job_search_start": "2022-12-23", "status": "unemployed"},
    {"id": "midsummer-2022", "on": "2022-06-22", "job_search_start": "2022-06-22", "status": "unemployed"},
    {
        "id": "christmas-2024",
        "on": "2024-12-18",
        "job_search_start": "2024-12-18",
        "unemployment_start": "2024-12-18",
        "status": "unemployed",
        "area_first_contact_days": 2,
    },
    {"id": "pre-nordic", "on": "2022-04-20", "job_search_start": "2022-04-13", "status": "unemployed"},
    {
        "id": 5,
        "on": "2022-09-01",
        "job_search_start": "2022-01-10",
        "unemployment_start": "2022-01-10",
        "job_search_end": None,
        "previous_job_search_end": None,
        "status": "unemployed",
        "laid_off": False,
        "laid_off_block_requested": False,
        "birth_date": "1990-04-12",
        "lms_days": 320,
        "integration_start": "2022-08-15",
        "events": [
            {"type": "periodic_interview", "date": "2022-01-20"},
            {"type": "job_search_discussion", "date": "2022-06-01"},
            {"type": "supplementary_discussion", "date": "2022-07-15"},
        ],
        "services": [{"start": "2022-08-01", "expected_end": "2022-12-16"}],
    },
]


def test_the_contract_check_finds_the_contract_kept(console_env, tmp_path):
    assert check_contract(console_env, "service-deadlines", write(tmp_path, EXAMPLES)) == []


def test_run_answers_the_issues_examples(console_env, tmp_path):
    """R-SP-1: 2.1.2023, 30.6.2022, 30.12.2024 (area target 20.12.2024) and pre-Nordic 27.4.2022."""
    result = console(console_env, "run", "service-deadlines", "--input", write(tmp_path, EXAMPLES))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    firsts = [
        (o["result"]["regime"], o["result"]["due"][0]["type"], o["result"]["due"][0]["due_date"]) for o in out
    ]
    assert firsts[:4] == [
        ("nordic", "initial_interview", "2023-01-02"),
        ("nordic", "initial_interview", "2022-06-30"),
        ("nordic", "initial_interview", "2024-12-30"),
        ("pre_nordic", "first_interview", "2022-04-27"),
    ]
    assert out[2]["result"]["due"][1] == {
        "type": "area_first_contact",
        "due_date": "2024-12-20",
        "count": None,
        "state": "open",
        "reference": "JTYPL 2:5 §1 (1379/2021)",
    }
    transition = {d["type"]: d for d in out[4]["result"]["due"]}
    assert out[4]["result"]["regime"] == "transition"
    assert transition["job_search_discussion"]["state"] == "not_required"  # a long service is under way
    assert transition["end_of_service_discussion"]["due_date"] == "2022-11-16"
    for item in out[4]["result"]["due"]:
        assert set(item) == {"type", "due_date", "count", "state", "reference"}
        assert item["state"] in {"open", "overdue", "done", "not_required"} and item["reference"]
    check = next(c for c in out[0]["checks"] if c["code"] == "due_initial_interview")
    assert "26.12.2022" in check["text"]["fi"] and "Alkuhaastattelu" in check["text"]["fi"]
    assert "Inledande intervju" in check["text"]["sv"]
    assert check["parameters"][0]["name"] == "service_process.initial_interview_working_days"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"events": [{"type": "coffee", "date": "2022-09-01"}]}, "events"),
        ({"events": [{"type": "initial_interview"}]}, "events"),
        ({"services": [{"start": "2022-09-01", "expected_end": "2022-08-01"}]}, "services"),
        ({"area_first_contact_days": 0}, "area_first_contact_days"),
        ({"status": "sleeping"}, "status"),
        ({"job_search_end": "2022-08-01"}, "job_search_end"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_input_exits_2_naming_the_item_and_the_field(console_env, tmp_path, change, field):
    item = {"id": "bad", "job_search_start": "2022-09-01", "status": "unemployed", **change}
    result = console(console_env, "run", "service-deadlines", "--input", write(tmp_path, [item]))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "'bad'" in result.stderr and f"'{field}'" in result.stderr
