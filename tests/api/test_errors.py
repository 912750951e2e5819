"""Errors of the API (R-INT-3, R-X-3): a stable code, a message in the request's language (R-X-8) and,
for a bad parameter, the field and what is wrong with it."""

import pytest

pytestmark = pytest.mark.django_db


def error(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    return response.json()["error"]


@pytest.mark.parametrize("code", ["999", "abc", "0911", "09"])
@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("fi", "Kuntanumerolla {code} ei ole kuntaa."),
        ("sv", "Det finns ingen kommun med kommunnumret {code}."),
        ("en", "No municipality has the code {code}."),
    ],
)
def test_unknown_municipality_is_404_in_the_requests_language(client, code, lang, message):
    response = client.get(f"/api/v1/municipalities/{code}/", HTTP_ACCEPT_LANGUAGE=lang)
    assert error(response, 404) == {"code": "municipality_not_found", "message": message.format(code=code)}


@pytest.mark.parametrize("on", ["2021-02-30", "1.3.2021", "2021-6-1", "20210601", "", "tomorrow"])
@pytest.mark.parametrize("url", ["/api/v1/municipalities/", "/api/v1/municipalities/091/"])
def test_invalid_date_is_400_naming_the_field(client, url, on):
    body = error(client.get(url, {"on": on}, HTTP_ACCEPT_LANGUAGE="fi"), 400)
    assert body == {
        "code": "invalid_date",
        "message": "Päivämäärä ei kelpaa.",
        "fields": {"on": ["Anna olemassa oleva päivämäärä muodossa VVVV-KK-PP, esim. 2021-06-01."]},
    }


def test_invalid_date_in_swedish(client):
    body = error(client.get("/api/v1/municipalities/", {"on": "2021-02-30"}, HTTP_ACCEPT_LANGUAGE="sv"), 400)
    assert body["message"] == "Datumet är inte giltigt."
    assert body["fields"] == {"on": ["Ange ett verkligt datum i formatet ÅÅÅÅ-MM-DD, t.ex. 2021-06-01."]}


def test_language_cookie_chooses_the_language(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"
    body = error(client.get("/api/v1/trial-areas/26/", HTTP_ACCEPT_LANGUAGE="fi"), 404)
    assert body["message"] == "Det finns inget försöksområde 26."


@pytest.mark.parametrize("number", ["0", "26", "abc", "99999999999999999999"])
@pytest.mark.parametrize(
    ("lang", "message"),
    [("fi", "Kokeilualuetta {number} ei ole."), ("sv", "Det finns inget försöksområde {number}.")],
)
def test_unknown_trial_area_is_404(client, number, lang, message):
    response = client.get(f"/api/v1/trial-areas/{number}/", HTTP_ACCEPT_LANGUAGE=lang)
    assert error(response, 404) == {"code": "trial_area_not_found", "message": message.format(number=number)}


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("fi", "Tätä HTTP-metodia ei voi käyttää tässä."),
        ("sv", "Den här HTTP-metoden kan inte användas här."),
    ],
)
def test_writing_to_reference_data_is_not_allowed(client, lang, message):
    response = client.post("/api/v1/municipalities/", {}, format="json", HTTP_ACCEPT_LANGUAGE=lang)
    assert error(response, 405) == {"code": "method_not_allowed", "message": message}
