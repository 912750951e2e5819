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


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fi", "1.8.2022 alkaen: kokeilu päättyy 31.12.2024 (L1269 23 § 1 mom. sellaisena kuin se on"),
        ("sv", "Från och med 1.3.2021: försöket slutar 30.6.2023 (L1269 23 § 1 mom. (ursprunglig lydelse))"),
    ],
)
def test_the_person_page_says_why_two_pilot_end_dates_appear(demo, client, user, lang, expected):
    """R-TG-2, issue 15: a decision of 2021 names 30.6.2023, one after 1.8.2022 31.12.2024 (L287/2022)."""
    import datetime as dt

    from kuntakokeilu.customers.models import Person
    from kuntakokeilu.customers.transfers import initial

    initial(dt.date(2021, 3, 1))
    client.force_login(user("aino.virtanen"))
    warsame = Person.objects.get(last_name="Warsame")
    page = client.get(reverse("customers:person", args=[warsame.pk]), HTTP_ACCEPT_LANGUAGE=lang)
    assert expected in page.content.decode()
