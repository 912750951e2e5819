"""The rule `job-search-obligation` through the rules console (R-SP-5, R-REF-4): the contract check over the
real `rules run` output, the variants on both sides of 2.5.2022, explanations in fi/sv/en and exit 2 for bad
input (the issue's done-when: "answers the variants above through the rules console, on dates on both sides
of 2.5.2022")."""

import json

import pytest

from tests.console import check_contract, console, write

pytestmark = pytest.mark.django_db

BASE = {"job_search_start": "2022-03-01", "status": "unemployed", "initial_interview": "2022-03-08"}
VARIANTS = [
    {"id": "normal", **BASE, "initial_interview": "2022-05-16", "applications": [{"date": "2022-05-20"}]},
    {"id": "part-time", **BASE, "status": "employed", "part_time_or_reduced_hours": True},
    {"id": "self-study", **BASE, "status": "in_service", "self_study_start": "2022-09-01",
     "self_study_end": "2023-05-31"},
    {"id": "reduced", **BASE, "reduced_count": 2, "reduced_reason": "alalla vähän avoimia työpaikkoja"},
    {"id": "no-jobs", **BASE, "reduced_count": 0, "reduced_reason": "ei avoimia työpaikkoja"},
    {"id": "exempt", **BASE, "exemption": "typ_need"},
    {"id": "laid-off", **BASE, "status": "laid_off", "layoff_start": "2022-05-09",
     "layoff_discussion": "2022-08-12"},
]  # fmt: skip
AFTER = {
    "normal": ("normal", None),
    "part-time": ("laid_off_part_time", None),
    "self-study": ("self_study", None),
    "reduced": ("reduced", "few_suitable_jobs"),
    "no-jobs": ("none", "no_suitable_jobs"),
    "exempt": ("none", "typ_need"),
    "laid-off": ("normal", None),
}


def test_the_contract_check_finds_the_contract_kept(console_env, tmp_path):
    path = write(tmp_path, VARIANTS)
    assert check_contract(console_env, "job-search-obligation", path, "--on", "2022-10-03") == []
    assert check_contract(console_env, "job-search-obligation", path, "--on", "2022-04-29") == []


def test_the_variants_on_both_sides_of_2_5_2022(console_env, tmp_path):
    """R-SP-5: on 29.4.2022 every variant answers "not in force" with the plan-based duty; on 3.10.2022 each
    its own variant, periods and reason."""
    path = write(tmp_path, VARIANTS)
    before = console(console_env, "run", "job-search-obligation", "--input", path, "--on", "2022-04-29")
    assert before.returncode == 0, before.stderr
    for out in json.loads(before.stdout):
        assert out["result"] == {"in_force": False, "variant": None, "periods": [], "reason": None}
        assert [c["code"] for c in out["checks"]] == ["in_force", "plan_based_duty"]
        assert "työllistymissuunnitelma" in out["checks"][1]["text"]["fi"]
        assert "sysselsättningsplanen" in out["checks"][1]["text"]["sv"]
    after = console(console_env, "run", "job-search-obligation", "--input", path, "--on", "2022-10-03")
    assert after.returncode == 0, after.stderr
    out = {o["id"]: o for o in json.loads(after.stdout)}
    assert {key: (o["result"]["variant"], o["result"]["reason"]) for key, o in out.items()} == AFTER
    assert out["normal"]["result"]["periods"] == [
        {"start": "2022-08-17", "end": "2022-09-16", "required": 4, "reported": 0, "met": False},
        {"start": "2022-09-17", "end": "2022-10-16", "required": 4, "reported": 0, "met": None},
        {"start": "2022-10-17", "end": "2022-11-16", "required": 4, "reported": 0, "met": None},
    ]
    assert out["normal"]["status"] == "warn"
    assert out["part-time"]["result"]["periods"] == [
        {"start": "2022-09-09", "end": "2022-12-08", "required": 1, "reported": None, "met": None}
    ]
    assert [p["required"] for p in out["self-study"]["result"]["periods"]] == [3]
    assert [p["required"] for p in out["reduced"]["result"]["periods"]] == [2, 2, 2]
    assert out["laid-off"]["result"]["periods"][0]["start"] == "2022-08-13"
    variant = next(c for c in out["part-time"]["checks"] if c["code"] == "variant")
    assert variant["parameters"][0]["reference"] == "JTYPL 3:6 §1–2 (1379/2021)"
    assert "Osa-aikatyö" in variant["text"]["fi"] and "Deltidsarbete" in variant["text"]["sv"]
    assert "Part-time work" in variant["text"]["en"]


def test_text_output_in_finnish(console_env, tmp_path):
    path = write(tmp_path, VARIANTS[:1])
    result = console(
        console_env, "run", "job-search-obligation", "--input", path, "--on", "2022-06-01", "--format", "text"
    )
    assert result.returncode == 0, result.stderr
    assert "Tarkastelujakso 1, 17.5.2022–16.6.2022" in result.stdout


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"applications": [{"date": "2022-13-01"}]}, "applications"),
        ({"applications": [{"day": "2022-06-01"}]}, "applications"),
        ({"exemption": "holiday"}, "exemption"),
        ({"reduced_count": 2}, "reduced_reason"),
        ({"reduced_count": -1, "reduced_reason": "x"}, "reduced_count"),
        ({"self_study_start": "2022-09-01"}, "self_study_end"),
        ({"self_study_start": "2022-09-01", "self_study_end": "2022-08-01"}, "self_study_end"),
        ({"initial_interview": "2022-02-01"}, "initial_interview"),
        ({"layoff_start": "2022-05-01", "layoff_discussion": "2022-04-01"}, "layoff_discussion"),
        ({"status": "sleeping"}, "status"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_input_exits_2_naming_the_item_and_the_field(console_env, tmp_path, change, field):
    item = {"id": "bad", **BASE, **change}
    result = console(console_env, "run", "job-search-obligation", "--input", write(tmp_path, [item]))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "'bad'" in result.stderr and f"'{field}'" in result.stderr
