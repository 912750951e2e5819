"""The rules `labour-policy-statement` and `sanction-ladder` through the real rules console (R-SP-8,
R-REF-4; law notes §3.4, §3.7): the contract kept, and the answers on both sides of 2.10.2021, 2.5.2022,
11.7.2022, 1.8.2022 and 1.12.2023."""

import json

import pytest

from tests.console import check_contract, console, write

pytestmark = pytest.mark.django_db

COMPETENCE = [
    {"id": "interrupted", "kind": "service_interrupted"},
    {"id": "missed", "kind": "discussion_missed"},
    {"id": "general", "kind": "other", "subject": "general_conditions"},
    {"id": "restoration", "kind": "other", "subject": "restoration"},
    {"id": "studies", "kind": "studies_started"},
]
LADDER = [
    {"id": "first", "kind": "discussion_missed"},
    {"id": "second", "kind": "discussion_missed", "earlier_failures": ["2022-06-01"]},
    {
        "id": "fourth",
        "kind": "plan_not_followed",
        "earlier_failures": ["2022-06-01", "2022-07-01", "2022-08-01"],
    },
    {"id": "old", "kind": "discussion_missed", "earlier_failures": ["2021-01-04"]},
    {"id": "offer-late", "kind": "job_offer_refused", "initial_interview": "2021-12-01"},
    {"id": "offer-early", "kind": "job_offer_refused", "initial_interview": "2022-04-01"},
    {"id": "offer-short", "kind": "job_offer_refused", "short_job": True},
    {"id": "interrupted", "kind": "service_interrupted"},
    {"id": "started", "kind": "service_started"},
]


def run(env, tmp_path, rule, items, on):
    result = console(env, "run", rule, "--input", write(tmp_path, items), "--on", on)
    assert result.returncode == 0, result.stderr
    return {o["id"]: o for o in json.loads(result.stdout)}


def test_the_contract_is_kept(console_env, tmp_path):
    for on in ("2021-10-01", "2022-09-01"):
        assert (
            check_contract(console_env, "labour-policy-statement", write(tmp_path, COMPETENCE), "--on", on)
            == []
        )
        assert (
            check_contract(console_env, "sanction-ladder", write(tmp_path, LADDER, "l.json"), "--on", on)
            == []
        )


def test_competence_on_both_sides_of_each_date(console_env, tmp_path):
    """The municipality's subjects widen on 2.10.2021 (general conditions) and 11.7.2022 (restoration);
    the service centre may give statements from 1.8.2022 and the TE office from 1.12.2023 (information)."""
    handler = {}
    for on in (
        "2021-10-01",
        "2021-10-02",
        "2022-07-10",
        "2022-07-11",
        "2022-07-31",
        "2022-08-01",
        "2023-11-30",
        "2023-12-01",
    ):
        out = run(console_env, tmp_path, "labour-policy-statement", COMPETENCE, on)
        handler[on] = {
            key: (o["result"]["action"], tuple(o["result"]["other_givers"])) for key, o in out.items()
        }
    assert handler["2021-10-01"]["general"] == ("notice", ())
    assert handler["2021-10-02"]["general"] == ("statement", ())
    assert handler["2022-07-10"]["restoration"] == ("notice", ())
    assert handler["2022-07-11"]["restoration"] == ("statement", ())
    assert handler["2022-07-31"]["interrupted"] == ("statement", ())
    assert handler["2022-08-01"]["interrupted"] == ("statement", ("te_service_centre",))
    assert handler["2023-11-30"]["missed"] == ("notice", ("te_service_centre",))
    assert handler["2023-12-01"]["missed"] == ("notice", ("te_service_centre", "te_office"))
    out = run(console_env, tmp_path, "labour-policy-statement", COMPETENCE, "2022-07-10")
    assert out["restoration"]["result"]["competent_from"] == "2022-07-11"
    assert "11.7.2022" in out["restoration"]["checks"][1]["text"]["fi"]
    assert out["interrupted"]["result"]["inferred"] is True
    assert "päätelty" in out["interrupted"]["checks"][0]["text"]["fi"]
    assert "härledd" in out["interrupted"]["checks"][0]["text"]["sv"]
    assert "inferred" in out["interrupted"]["checks"][0]["text"]["en"]
    assert out["general"]["result"]["inferred"] is False
    competence = out["interrupted"]["checks"][1]
    assert competence["parameters"][0]["reference"] == "L1269 s. 12 a (421/2021)"
    later = run(console_env, tmp_path, "labour-policy-statement", COMPETENCE, "2023-01-01")
    assert later["interrupted"]["checks"][1]["parameters"][0]["reference"] == "L1269 s. 12 a (1133/2022)"


def test_the_ladder_on_both_sides_of_2_5_2022(console_env, tmp_path):
    """Before 2.5.2022: 30/60 days by event, no reminder; from 2.5.2022: reminder, 7 days, 14 days, work
    requirement; an authority's job offer counts only 6 months after the initial interview."""
    before = run(console_env, tmp_path, "sanction-ladder", LADDER, "2022-04-29")
    assert {k: (o["result"]["ladder"], o["result"]["days"]) for k, o in before.items()} == {
        "first": ("before_nordic", None),
        "second": ("before_nordic", None),
        "fourth": ("before_nordic", None),
        "old": ("before_nordic", None),
        "offer-late": ("before_nordic", 60),
        "offer-early": ("before_nordic", 60),
        "offer-short": ("before_nordic", 30),
        "interrupted": ("before_nordic", 60),
        "started": ("before_nordic", None),
    }
    after = run(console_env, tmp_path, "sanction-ladder", LADDER, "2022-09-01")
    got = {
        k: (o["result"]["counts"], o["result"]["step"], o["result"]["consequence"]) for k, o in after.items()
    }
    assert got == {
        "first": (True, 1, "reminder"),
        "second": (True, 2, "days_7"),
        "fourth": (True, 4, "work_requirement"),
        "old": (True, 1, "reminder"),  # a failure before 2.5.2022 is not on the Nordic ladder
        "offer-late": (True, 1, "reminder"),
        "offer-early": (False, None, None),
        "offer-short": (False, None, None),  # no initial interview known: not counted, with a warning
        "interrupted": (True, 1, "reminder"),
        "started": (False, None, None),
    }
    assert after["offer-short"]["status"] == "warn"
    step = after["second"]["checks"][-1]
    assert "7 päivän korvaukseton määräaika" in step["text"]["fi"] and "TE-toimisto" in step["text"]["fi"]
    assert "7 dagars karens" in step["text"]["sv"]
    assert "does not count" in after["offer-early"]["checks"][-1]["text"]["en"]


def test_text_output(console_env, tmp_path):
    result = console(
        console_env, "run", "sanction-ladder", "--input", write(tmp_path, LADDER[1:2]), "--on", "2022-09-01",
        "--format", "text",
    )  # fmt: skip
    assert result.returncode == 0 and "7 päivän korvaukseton määräaika" in result.stdout
