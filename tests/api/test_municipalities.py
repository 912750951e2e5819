"""Municipalities as on a date through the API (R-INT-3, R-REF-1, R-REF-2): the same answers as the rule
municipality-on-date in the rules console (R-APP-6), public (R-X-1: action regions.view_reference)."""

import datetime as dt
import json

import pytest

from kuntakokeilu.regions.rules import NAME
from kuntakokeilu.rules.console import as_json, run_items
from kuntakokeilu.rules.registry import get_rule

pytestmark = pytest.mark.django_db
LIST = "/api/v1/municipalities/"


def detail(code):
    return f"/api/v1/municipalities/{code}/"


def console(code, on):
    """What `kuntakokeilu rules run municipality-on-date` prints for one item, run in-process."""
    items = [{"id": code, "kunta_code": code, "on": on}]
    return json.loads(as_json(run_items(get_rule(NAME), items, dt.date.fromisoformat(on))))[0]


@pytest.mark.parametrize(("on", "count"), [("2020-06-01", 310), ("2021-06-01", 309)])
def test_list_counts_the_municipalities_of_the_date(client, on, count, django_assert_max_num_queries):
    """R-REF-2: Honkajoki (099) exists until 31.12.2020, then is part of Kankaanpää."""
    with django_assert_max_num_queries(4):
        response = client.get(LIST, {"on": on})
    assert response.status_code == 200
    rows = response.json()
    assert len(rows) == count
    codes = [r["kunta_code"] for r in rows]
    assert codes == sorted(codes)
    assert ("099" in codes) is (on < "2021")


def test_list_rows_have_the_documented_fields(client):
    rows = {r["kunta_code"]: r for r in client.get(LIST, {"on": "2021-06-01"}).json()}
    assert rows["743"] == {
        "kunta_code": "743",
        "name_fi": "Seinäjoki",
        "name_sv": "Seinäjoki",
        "language_status": "fi",
        "ely_code": "11",
        "te_office_code": "11",
        "maakunta_code": "14",
        "trial_area_no": 1,
    }
    assert rows["091"]["language_status"] == "bilingual_fi_majority"
    assert rows["478"]["te_office_code"] is None  # Maarianhamina: Åland has no TE office
    assert rows["478"]["ely_code"] == "16"


def test_list_default_date_is_the_clock_today(client, settings):
    settings.KUNTAKOKEILU_TODAY = dt.date(2021, 6, 1)
    assert len(client.get(LIST).json()) == 309
    settings.KUNTAKOKEILU_TODAY = dt.date(2020, 6, 1)
    assert len(client.get(LIST).json()) == 310


def test_trial_area_only_within_the_pilot(client):
    """The pilot runs 1.3.2021–31.12.2024 (parameters/pilot.yaml): before it no municipality has an area."""
    before = {r["kunta_code"]: r for r in client.get(LIST, {"on": "2021-02-28"}).json()}
    during = {r["kunta_code"]: r for r in client.get(LIST, {"on": "2021-03-01"}).json()}
    assert before["743"]["trial_area_no"] is None
    assert during["743"]["trial_area_no"] == 1
    assert sum(r["trial_area_no"] is not None for r in during.values()) == 118


@pytest.mark.parametrize(
    ("on", "ely", "te", "maakunta"), [("2020-06-01", "07", "07", "10"), ("2021-06-01", "09", "09", "12")]
)
def test_heinavesi_moves_from_etela_savo_to_pohjois_karjala(client, on, ely, te, maakunta):
    """R-REF-2: Heinävesi (090) belongs to Etelä-Savo's ELY area in 2020 and to Pohjois-Karjala's from 2021,
    in the list and in the detail alike."""
    row = next(r for r in client.get(LIST, {"on": on}).json() if r["kunta_code"] == "090")
    result = client.get(detail("090"), {"on": on}).json()["result"]
    for answer in (row, result):
        assert (answer["ely_code"], answer["te_office_code"], answer["maakunta_code"]) == (ely, te, maakunta)


def test_honkajoki_after_the_merger_is_a_failed_check_not_an_error(client):
    """R-X-3: a known municipality that no longer exists on the date is a result (status fail)."""
    response = client.get(detail("099"), {"on": "2021-06-01"})
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "fail" and body["result"] is None
    exists = body["checks"][0]
    assert (exists["code"], exists["status"], exists["found"]["merged_into"]) == (
        "municipality_exists",
        "fail",
        "214",
    )
    assert client.get(detail("099"), {"on": "2020-06-01"}).json()["status"] == "pass"


@pytest.mark.parametrize(
    ("code", "on"),
    [
        ("090", "2020-06-01"),
        ("090", "2021-06-01"),
        ("099", "2021-06-01"),
        ("478", "2022-01-01"),
        ("743", "2019-05-01"),
    ],
)
def test_detail_is_the_rules_console_object(client, code, on):
    """R-APP-6: the API answers exactly what the rules console answers for the same input."""
    body = client.get(detail(code), {"on": on}).json()
    assert body == console(code, on)
    assert set(body) == {"id", "rule", "rule_version", "on", "result", "status", "checks"}
    assert all(set(c["text"]) == {"fi", "sv", "en"} for c in body["checks"])


def test_every_list_row_is_the_rule_result(client):
    """R-APP-6: each row of the list is the rule's result for that municipality (plus its language status)."""
    on = "2021-06-01"
    rows = client.get(LIST, {"on": on}).json()
    items = [{"id": r["kunta_code"], "kunta_code": r["kunta_code"]} for r in rows]
    outcomes = dict(run_items(get_rule(NAME), items, dt.date.fromisoformat(on)))
    for row in rows:
        expected = json.loads(json.dumps(outcomes[row["kunta_code"]].to_json()["result"]))
        assert {k: v for k, v in row.items() if k != "language_status"} == expected


def test_detail_default_date_is_the_clock_today(client, settings):
    settings.KUNTAKOKEILU_TODAY = dt.date(2021, 6, 1)
    body = client.get(detail("090")).json()
    assert body["on"] == "2021-06-01" and body["result"]["ely_code"] == "09"
