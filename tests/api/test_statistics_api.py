"""The public comparison series through the API (issue 19 item 6, R-MON-6): no sign-in, the same figures as
the page (known answers from the CSV), every demo role answered alike, bad input a clear message."""

import pytest
from django.contrib.auth import get_user_model

from kuntakokeilu.access.demo import DEMO_USERS, ensure_demo_users

pytestmark = pytest.mark.django_db
URL = "/api/v1/statistics/comparison/"


def test_kainuu_beside_the_rest_of_the_mainland_without_sign_in(client):
    response = client.get(URL, {"area": "7", "from": "2021-03", "to": "2021-04"})
    assert response.status_code == 200
    body = response.json()
    assert body["group"]["key"] == "7" and body["group"]["name_fi"] == "Kainuu"
    assert body["group"]["municipalities"] == ["105", "205", "290", "578", "697", "765", "777"]
    assert len(body["rest"]["municipalities"]) == 175
    assert [s["code"] for s in body["series"] if not s["available"]] == ["long_term_unemployed"]
    march = body["months"][0]
    assert march["month"] == "2021-03"
    assert march["group"] == {
        "members": 7,
        "unemployed_jobseekers": 3369,
        "labour_force": 30032,
        "unemployment_rate": 11.2,
        "open_vacancies": 1270,
        "vacancies_unpublished": 0,
        "long_term_unemployed": None,
    }
    assert march["rest"]["unemployed_jobseekers"] == 84922 and march["rest"]["vacancies_unpublished"] == 7
    assert [m["month"] for m in body["months"]] == ["2021-03", "2021-04"]


def test_defaults_all_pilot_municipalities_from_2018_to_the_last_month(client):
    body = client.get(URL).json()
    assert body["group"]["key"] == "pilot" and len(body["group"]["municipalities"]) == 118
    assert body["months"][0]["month"] == "2018-01" and body["months"][-1]["month"] == "2023-10"


def test_the_groups(client):
    groups = client.get("/api/v1/statistics/groups/").json()
    assert [g["key"] for g in groups] == ["pilot", *(str(n) for n in range(1, 26))]


def test_every_demo_role_gets_the_same_answer(client):
    ensure_demo_users()
    anonymous = client.get(URL, {"area": "7", "from": "2022-01", "to": "2022-02"}).json()
    for username, *_rest in DEMO_USERS:
        client.force_authenticate(get_user_model().objects.get(username=username))
        response = client.get(URL, {"area": "7", "from": "2022-01", "to": "2022-02"})
        assert response.status_code == 200, username
        assert response.json() == anonymous, username


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"area": "99"}, 404, "trial_area_not_found"),
        ({"area": "<x>"}, 404, "trial_area_not_found"),
        ({"from": "2021-13"}, 400, "invalid_month"),
        ({"to": "maaliskuu"}, 400, "invalid_month"),
    ],
)
def test_bad_input_is_a_clear_message(client, params, status, code):
    response = client.get(URL, params, HTTP_ACCEPT_LANGUAGE="sv")
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code
    assert "försöksområde" in error["message"] or "ÅÅÅÅ-MM" in error["message"]
