"""Issue 15 (R-X-2, R-X-8): the job-seeker search names a wrong identity code's fault like the other forms,
and a search that finds no one says what it covered, in fi and sv, without saying who is whose customer."""

import pytest
from django.urls import reverse

from kuntakokeilu.access.models import AccessLogEntry

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("fi", "Tarkistusmerkki"), ("sv", "Kontrolltecknet"), ("en", "check character")],
)
def test_an_identity_code_with_a_wrong_check_character_is_named_not_searched(
    demo, client, user, lang, expected
):
    """R-X-2: "100577-234X" is not searched as a name (finding no one): its check character is wrong."""
    client.force_login(user("aino.virtanen"))
    response = client.post(
        reverse("customers:search"), {"query": "100577-234X", "purpose": ""}, HTTP_ACCEPT_LANGUAGE=lang
    )
    page = response.content.decode()
    assert expected.lower() in page.lower()
    assert not AccessLogEntry.objects.exists()  # nothing searched, nothing logged


def test_the_api_refuses_the_same_code_with_its_reason(demo, client, user):
    """R-X-2: the API asks the same domain check (search.purpose_of)."""
    client.force_login(user("aino.virtanen"))
    response = client.post(
        "/api/v1/persons/search/", {"query": "100577-234X"}, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_identity_code"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fi", "Haku kattoi työnhakijat, joiden tietoja saat nähdä: alueesi kokeilun asiakkaat"),
        (
            "sv",
            "Sökningen omfattade de arbetssökande vars uppgifter du får se: kunderna i försöket",
        ),
    ],
)
def test_a_search_that_finds_no_one_says_what_it_covered(demo, client, user, lang, expected):
    """Issue 15: not a bare "not found" that suggests the person is not registered anywhere."""
    client.force_login(user("aino.virtanen"))
    page = client.post(
        reverse("customers:search"), {"query": "Ei-Ketään Olematon"}, HTTP_ACCEPT_LANGUAGE=lang
    ).content.decode()
    assert expected in page
    assert "TE-toimiston asiakas " not in page and "kund hos TE-byrån" not in page
