"""`/api/v1/me/`: the signed-in staff member's own roles (R-INT-3: token or session authentication, the same
permissions as the pages — R-X-1: action api.view_own_account needs a role valid today)."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token

from kuntakokeilu.access.models import Profile, RoleAssignment
from kuntakokeilu.regions.models import ElyCentre, Municipality, TrialArea

pytestmark = pytest.mark.django_db
ME = "/api/v1/me/"
TODAY = dt.date(2022, 9, 1)


@pytest.fixture(autouse=True)
def today(settings):
    settings.KUNTAKOKEILU_TODAY = TODAY


@pytest.fixture
def case_worker():
    """A case worker of Helsinki since 1.1.2021, who earlier was an approver of Kainuu's area (ended)."""
    user = get_user_model().objects.create_user("testi.kayttaja", first_name="Testi", last_name="Käyttäjä")
    RoleAssignment.objects.create(
        user=user,
        role="case_worker",
        scope_kind="municipality",
        municipality=Municipality.objects.get(code="091"),
        valid_from=dt.date(2021, 1, 1),
    )
    RoleAssignment.objects.create(
        user=user,
        role="approver",
        scope_kind="trial_area",
        trial_area=TrialArea.objects.get(number=7),
        valid_from=dt.date(2021, 3, 1),
        valid_to=dt.date(2021, 12, 31),
    )
    return user


HELSINKI_CASE_WORKER = {
    "role": "case_worker",
    "scope_kind": "municipality",
    "scope_code": "091",
    "valid_from": "2021-01-01",
    "valid_to": None,
}


def test_anonymous_is_401_with_a_json_error(client):
    response = client.get(ME, HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json() == {
        "error": {"code": "not_authenticated", "message": "Kirjaudu sisään käyttääksesi tätä rajapintaa."}
    }
    sv = client.get(ME, HTTP_ACCEPT_LANGUAGE="sv").json()["error"]["message"]
    assert sv == "Logga in för att använda detta gränssnitt."


def test_a_wrong_token_is_401(client):
    client.credentials(HTTP_AUTHORIZATION="Token 0123456789abcdef0123456789abcdef01234567")
    response = client.get(ME)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_with_a_session_the_roles_valid_today(client, case_worker):
    client.force_login(case_worker)
    response = client.get(ME)
    assert response.status_code == 200
    assert response.json() == {
        "username": "testi.kayttaja",
        "first_name": "Testi",
        "last_name": "Käyttäjä",
        "language": "fi",
        "roles": [HELSINKI_CASE_WORKER],
    }


def test_with_a_token(client, case_worker):
    Profile.objects.create(user=case_worker, language="sv")
    token = Token.objects.create(user=case_worker)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    body = client.get(ME).json()
    assert body["username"] == "testi.kayttaja"
    assert body["language"] == "sv"
    assert body["roles"] == [HELSINKI_CASE_WORKER]


def test_scope_codes_of_every_kind(client, settings, case_worker):
    settings.KUNTAKOKEILU_TODAY = dt.date(2021, 6, 1)
    RoleAssignment.objects.create(
        user=case_worker,
        role="ely",
        scope_kind="ely",
        ely=ElyCentre.objects.get(code="09"),
        valid_from=dt.date(2021, 1, 1),
    )
    RoleAssignment.objects.create(
        user=case_worker, role="researcher", scope_kind="country", valid_from=dt.date(2021, 1, 1)
    )
    client.force_login(case_worker)
    roles = client.get(ME).json()["roles"]
    assert sorted((r["role"], r["scope_kind"], r["scope_code"]) for r in roles) == [
        ("approver", "trial_area", "7"),
        ("case_worker", "municipality", "091"),
        ("ely", "ely", "09"),
        ("researcher", "country", None),
    ]


@pytest.mark.parametrize(
    ("lang", "message"),
    [("fi", "Sinulla ei ole tähän oikeutta."), ("sv", "Du har inte behörighet till detta.")],
)
def test_signed_in_without_a_valid_role_is_403(client, lang, message):
    """R-X-1: a user whose only role has ended may not use the staff endpoint."""
    user = get_user_model().objects.create_user("entinen.kayttaja")
    RoleAssignment.objects.create(
        user=user,
        role="case_worker",
        scope_kind="municipality",
        municipality=Municipality.objects.get(code="091"),
        valid_from=dt.date(2021, 1, 1),
        valid_to=dt.date(2021, 12, 31),
    )
    client.force_login(user)
    response = client.get(ME, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 403
    assert response.json() == {"error": {"code": "permission_denied", "message": message}}
