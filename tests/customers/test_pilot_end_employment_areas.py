"""The pilot's end into the employment areas (issue 14 item 7; R-TG-6, R-TG-7, R-REF-1; L421 s. 25, Act
380/2023, V383 s. 7, law notes §7.3): the TE offices ceased on 31.12.2024, so on 1.1.2025
(`transfers.employment_areas_from`) `transfer pilot-end` hands each trial municipality's customer to the
employment area of their kotikunta, as the reference data (`regions/data/employment_areas.csv`) has it,
with a notice through the letter renderer. All or nothing: with no area loaded the batch is refused naming
the file; a customer whose municipality has no area loaded refuses the batch naming it and the file."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import translation

from kuntakokeilu.customers import notice_letter, notices, pilot_end
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.models import Customership, Ground, Notice, NoticeRecipient, Person, Responsible
from kuntakokeilu.letters.html import render_html
from kuntakokeilu.regions.models import EmploymentArea

from .conftest import HELSINKI_HETU, PORVOO_HETU, make_customer

pytestmark = pytest.mark.django_db

END = dt.date(2025, 1, 1)
FILE = "regions/data/employment_areas.csv"


def open_row(person) -> Customership:
    return Customership.objects.get(person=person, valid_to__isnull=True)


@pytest.fixture
def vantaa_customer(demo):
    """A Vantaa customer with no place in the register: the trial municipality's own area is used."""
    code = make_henkilotunnus(dt.date(1996, 2, 3), 962)
    person = Person.objects.create(
        henkilotunnus=code,
        birth_date=dt.date(1996, 2, 3),
        first_name="Aleksi",
        last_name="Nieminen",
        service_language="fi",
    )
    make_customer(person, "092")
    return person


@pytest.fixture
def helsinki_customer(demo):
    make_customer(demo[HELSINKI_HETU], "091")
    return demo[HELSINKI_HETU]


def test_each_customer_passes_to_the_employment_area_of_their_kotikunta(helsinki_customer, vantaa_customer):
    """R-TG-6: Helsinki's customer to Helsinki's employment area, Vantaa's to Vantaa's, from 1.1.2025; the
    municipal rows end on 31.12.2024; the summary counts per trial area and employment area."""
    summary = pilot_end.return_customers(END)
    assert summary.to_employment_areas and summary.returned == 2
    for person, area in ((helsinki_customer, "helsinki"), (vantaa_customer, "vantaa")):
        row = open_row(person)
        assert (row.responsible, row.employment_area.code, row.ground, row.valid_from) == (
            Responsible.EMPLOYMENT_AREA,
            area,
            Ground.PILOT_ENDED,
            END,
        )
        assert row.te_office is None
    assert dict(summary.areas) == {20: {"helsinki": 1}, 21: {"vantaa": 1}}
    assert pilot_end.return_customers(END).returned == 0  # a re-run changes nothing


def test_the_notice_names_the_employment_area_and_act_380(helsinki_customer):
    """R-TG-7: the person's notice (fi) and the employment area's, through the letter renderer in fi and sv:
    the area's name, the ceased TE offices, the plan binding the employment area, Act 380/2023."""
    pilot_end.return_customers(END)
    row = open_row(helsinki_customer)
    person = Notice.objects.get(customership=row, recipient=NoticeRecipient.PERSON)
    fi = " ".join(notices.render(person, "fi")["lines"])
    sv = " ".join(notices.render(person, "sv")["lines"])
    assert "Helsingin kaupunki" in fi and "työllisyysalue" in fi and "380/2023" in fi
    assert "TE-toimisto" in fi and "31.12.2024" in fi
    assert "Helsingfors stad" in sv and "sysselsättningsområde" in sv and "380/2023" in sv
    organisation = Notice.objects.get(customership=row, recipient=NoticeRecipient.ORGANISATION)
    for lang in ("fi", "sv"):
        letter = notice_letter.letter(organisation, lang)
        assert letter.sender == {"fi": "Helsingin kaupunki", "sv": "Helsingfors stad"}[lang]
        assert any("380/2023" in ref for ref in letter.legal_references)
        html = render_html(letter)
        assert "380/2023" in html and letter.recipient in html


def test_with_no_employment_area_loaded_the_command_refuses_naming_the_file(helsinki_customer):
    """R-REF-1: no employment-area data: refused (exit 2) naming the file; nothing changes."""
    EmploymentArea.objects.all().delete()
    with translation.override("fi"), pytest.raises(ValidationError) as caught:
        pilot_end.return_customers(END)
    assert FILE in " ".join(caught.value.messages)
    with pytest.raises(CommandError) as command:
        call_command("transfer", "pilot-end", "--on", "2025-01-01", stdout=io.StringIO())
    assert FILE in str(command.value) and command.value.returncode == 2
    assert open_row(helsinki_customer).responsible == Responsible.MUNICIPALITY


def test_a_kotikunta_with_no_area_loaded_refuses_the_whole_batch(helsinki_customer, demo):
    """R-REF-2: Porvoo has no verified employment area in the file: the batch is refused naming Porvoo and
    the file, and the Helsinki customer is not moved either (all or nothing)."""
    make_customer(demo[PORVOO_HETU], "638")
    for lang, name in (("fi", "Porvoo (638)"), ("sv", "Borgå (638)")):
        with translation.override(lang), pytest.raises(ValidationError) as caught:
            pilot_end.return_customers(END)
        text = " ".join(caught.value.messages)
        assert name in text and FILE in text
    assert not Customership.objects.filter(ground=Ground.PILOT_ENDED).exists()
    assert open_row(helsinki_customer).responsible == Responsible.MUNICIPALITY


def test_the_command(helsinki_customer, vantaa_customer):
    """R-TG-6: `kuntakokeilu transfer pilot-end --on 2025-01-01` prints progress and a line per trial area
    with the employment areas; a wrong date is a command error."""
    out = io.StringIO()
    with translation.override("en"):
        call_command("transfer", "pilot-end", "--on", "2025-01-01", stdout=out)
    text = out.getvalue()
    assert "… 2/2" in text and "(helsinki 1)" in text and "(vantaa 1)" in text
    assert "Passed 2 customers to the employment areas" in text.splitlines()[-1]
    with pytest.raises(CommandError):
        call_command("transfer", "pilot-end", "--on", "2024-12-31", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("transfer", "pilot-end", "--on", "31.12.2024", stdout=io.StringIO())


def test_the_api_names_the_employment_area(helsinki_customer, user):
    """R-TG-6, R-X-1: through the API, as the Uusimaa TE-office official who may see the Helsinki person:
    the customership from 1.1.2025 names its employment area, and the notice its receiver's area code."""
    from rest_framework.test import APIClient

    pilot_end.return_customers(END)
    api = APIClient()
    api.force_authenticate(user("sanna.makinen"))
    rows = api.get(f"/api/v1/persons/{helsinki_customer.pk}/customerships/").json()
    last = rows[-1]
    assert (last["responsible"], last["employment_area"], last["te_office"], last["valid_from"]) == (
        "employment_area",
        "helsinki",
        None,
        "2025-01-01",
    )
    assert rows[0]["employment_area"] is None
    notices_ = api.get(f"/api/v1/persons/{helsinki_customer.pk}/notices/").json()
    ended = [
        n for n in notices_ if n["to_organisation"] and n["to_organisation"]["type"] == "employment_area"
    ]
    assert {n["to_organisation"]["area_code"] for n in ended} == {"helsinki"} and len(ended) == 2
