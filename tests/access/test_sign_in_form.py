"""Issue 15 (R-X-6, R-X-8): the empty sign-in form says what is missing, in the page's language."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "username_error", "password_error"),
    [
        ("fi", "Anna käyttäjätunnuksesi.", "Anna salasanasi."),
        ("sv", "Ange ditt användarnamn.", "Ange ditt lösenord."),
    ],
)
def test_the_empty_sign_in_form_names_what_is_missing(client, lang, username_error, password_error):
    page = client.post("/sign-in/", {"username": "", "password": ""}, HTTP_ACCEPT_LANGUAGE=lang)
    assert page.status_code == 200
    text = page.content.decode()
    assert username_error in text and password_error in text
    assert 'role="alert"' in text and 'aria-invalid="true"' in text


def test_a_missing_password_keeps_the_username(client):
    text = client.post("/sign-in/", {"username": "aino.virtanen", "password": ""}).content.decode()
    assert "Anna salasanasi." in text and 'value="aino.virtanen"' in text
