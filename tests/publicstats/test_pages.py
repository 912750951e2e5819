"""The public comparison page and its CSV file (issue 19 items 4 and 6; R-MON-1, R-MON-6): no sign-in, fi and
sv."""

import csv
import io

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_sees_kainuu_beside_the_rest_of_the_mainland_in_finnish():
    response = Client(HTTP_ACCEPT_LANGUAGE="fi").get("/statistics/?area=7")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Kainuu – Muu Manner-Suomi" in body
    assert body.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"') == 3
    # Kainuu, March 2021: 3,369 unemployed of 30,032 (rate 11.2); the rest of the mainland 84,922
    assert '<th scope="row">2021-03</th>' in body
    assert "3\u202f369" in body and "84\u202f922" in body and "11,2" in body
    assert "Pitkäaikaistyöttömät" in body  # declared, with no source yet


def test_swedish_page_and_csv():
    client = Client(HTTP_ACCEPT_LANGUAGE="sv")
    body = client.get("/statistics/?area=7").content.decode()
    assert "Kajanaland – Övriga Fastlandsfinland" in body or "Övriga Fastlandsfinland" in body
    assert "Arbetslöshetsgrad" in body
    response = client.get("/statistics/series.csv?area=7")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="statistics-area-7.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Månad"
    march = next(r for r in rows if r[0] == "2021-03")
    assert march[1:5] == ["11.2", "11.2", "3369", "84922"]
    assert rows[1][0] == "2018-01" and rows[-1][0] == "2023-10"


def test_all_pilot_municipalities_is_the_default():
    body = Client(HTTP_ACCEPT_LANGUAGE="fi").get("/statistics/").content.decode()
    assert "Kaikki kokeilukunnat – Muu Manner-Suomi" in body


@pytest.mark.parametrize("area", ["99", "x'><script>", "-1"])
def test_an_unknown_area_is_a_clear_message(area):
    response = Client(HTTP_ACCEPT_LANGUAGE="fi").get("/statistics/", {"area": area})
    assert response.status_code == 404
    assert "<script>" not in response.content.decode()
    assert Client().get("/statistics/series.csv", {"area": area}).status_code == 404
