"""The 25 trial areas of the Act 1269/2020 s. 3 through the API (R-INT-3, R-REF-1), public (R-X-1)."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_25_areas_in_the_acts_order_with_118_members(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get("/api/v1/trial-areas/")
    assert response.status_code == 200
    areas = response.json()
    assert [a["number"] for a in areas] == list(range(1, 26))
    assert sum(len(a["members"]) for a in areas) == 118
    assert len({m["kunta_code"] for a in areas for m in a["members"]}) == 118


def test_area_1_is_seinajoki_and_ilmajoki(client):
    area = client.get("/api/v1/trial-areas/").json()[0]
    assert area == client.get("/api/v1/trial-areas/1/").json()
    assert area == {
        "number": 1,
        "name_fi": "Seinäjoki–Ilmajoki",
        "name_sv": "Seinäjoki–Ilmola",
        "name_en": "Seinäjoki–Ilmajoki",
        "ely_code": "11",
        "te_office_code": "11",
        "members": [
            {
                "kunta_code": "743",
                "name_fi": "Seinäjoki",
                "name_sv": "Seinäjoki",
                "joined_in_round": "main",
                "language_status": "fi",
            },
            {
                "kunta_code": "145",
                "name_fi": "Ilmajoki",
                "name_sv": "Ilmola",
                "joined_in_round": "main",
                "language_status": "fi",
            },
        ],
    }


def test_detail_of_a_supplementary_round_area(client):
    area = client.get("/api/v1/trial-areas/2/").json()
    assert [m["kunta_code"] for m in area["members"]][:2] == ["301", "232"]
    assert {m["joined_in_round"] for m in area["members"]} == {"supplementary"}
