"""The pilot's end (R-TG-6, R-TG-7; L1269 s. 25 as amended by L421/2021, law notes §7.3) under the law as it
stood before TE2024: every trial municipality's customer returns to the TE office of their place in one
batch, with the rule's explanation stored and notices saying the plan binds the customer and the TE office;
a re-run changes nothing; any other date is refused. The TE offices still exist here because the store's
`transfers.employment_areas_from` is moved a day past the return (the law's day, 1.1.2025, hands the
customers to the employment areas: test_pilot_end_employment_areas.py)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from kuntakokeilu.customers import customerships, notices, pilot_end
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.models import Customership, Ground, Notice, NoticeRecipient, Person, Responsible
from kuntakokeilu.rules.overlay import Edit, overlay
from kuntakokeilu.rules.parameters import default_store

from .conftest import HELSINKI_HETU, KAJAANI_HETU, PORVOO_HETU, make_customer

pytestmark = pytest.mark.django_db

END = dt.date(2025, 1, 1)
# The law before TE2024 reached the pilot's end: the TE offices receive the customers.
TE_LAW = overlay(default_store(), [Edit("transfers.employment_areas_from", dt.date(2025, 1, 2))])


def open_row(person) -> Customership:
    return Customership.objects.get(person=person, valid_to__isnull=True)


def test_every_customer_returns_to_the_te_office_of_their_place(demo_customers):
    """R-TG-6: Helsinki and Porvoo customers to the Uusimaa TE office, the Kajaani one to Kainuu's; the
    municipal rows end on 31.12.2024; the summary counts per trial area and TE office."""
    summary = pilot_end.return_customers(END, TE_LAW)
    assert summary.returned == 3
    offices = {HELSINKI_HETU: "01", PORVOO_HETU: "01"}
    for code, office in offices.items():
        row = open_row(demo_customers[code])
        assert (row.responsible, row.te_office.code, row.ground, row.valid_from) == (
            Responsible.TE_OFFICE,
            office,
            Ground.PILOT_ENDED,
            END,
        )
    kajaani = open_row(demo_customers[KAJAANI_HETU]).te_office.code
    assert dict(summary.areas) == {20: {"01": 1}, 22: {"01": 1}, 7: {kajaani: 1}}
    ended = Customership.objects.filter(responsible=Responsible.MUNICIPALITY)
    assert {row.valid_to for row in ended} == {dt.date(2024, 12, 31)}


def test_the_rules_explanation_is_stored(demo_customers):
    """R-TG-6: the target-group rule run on 1.1.2025 says the pilot is over and names the TE office."""
    pilot_end.return_customers(END, TE_LAW)
    outcome = customerships.explanation(open_row(demo_customers[HELSINKI_HETU]))
    checks = {c.code: c for c in outcome.checks}
    assert checks["pilot_period"].status == "info"
    assert str(checks["pilot_period"].found["end"]) == "2024-12-31"
    assert checks["responsible"].found == {"type": "te_office", "te_office_code": "01"}
    assert "2024" in checks["pilot_period"].message.render("sv")


def test_the_notices_say_the_plan_binds_the_customer_and_the_te_office(demo_customers):
    """R-TG-7, law notes §7.3: the person's notice in their language (Porvoo: sv), the TE office's; the
    plan sentence of this ground in fi and sv."""
    pilot_end.return_customers(END, TE_LAW)
    row = open_row(demo_customers[PORVOO_HETU])
    person = Notice.objects.get(customership=row, recipient=NoticeRecipient.PERSON)
    assert person.language == "sv"
    assert Notice.objects.filter(customership=row, recipient=NoticeRecipient.ORGANISATION).exists()
    fi = " ".join(notices.render(person, "fi")["lines"])
    sv = " ".join(notices.render(person, "sv")["lines"])
    assert "Kokeilu on päättynyt" in fi and "TE-toimisto" in fi and "Borgå" in sv
    assert "Försöket har upphört" in sv
    assert "31.12.2024" in fi


def test_a_rerun_changes_nothing(demo_customers):
    """R-TG-6: idempotent — the second run finds no open municipal customership."""
    pilot_end.return_customers(END, TE_LAW)
    counts = (Customership.objects.count(), Notice.objects.count())
    assert pilot_end.return_customers(END, TE_LAW).returned == 0
    assert (Customership.objects.count(), Notice.objects.count()) == counts


def test_in_chunks_with_progress(demo_customers, monkeypatch):
    """R-TG-6: the batch runs in chunks and reports progress after each."""
    monkeypatch.setattr(pilot_end, "CHUNK", 2)
    seen = []
    pilot_end.return_customers(END, TE_LAW, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(2, 3), (3, 3)]


def test_only_open_municipal_customerships_return(demo_customers):
    """R-TG-6: a customer who went back to the TE office earlier, or whose job search ended, is untouched."""
    customerships.start(
        demo_customers[HELSINKI_HETU],
        on=dt.date(2023, 5, 1),
        ground=Ground.REQUEST_TO_TE_OFFICE,
        outcome=None,
        responsible={"type": "te_office", "te_office_code": "01"},
        request_reason="safety",
    )
    customerships.start(
        demo_customers[KAJAANI_HETU],
        on=dt.date(2023, 5, 1),
        ground=Ground.JOB_SEARCH_ENDED,
        outcome=None,
        responsible={},
    )
    assert pilot_end.return_customers(END, TE_LAW).returned == 1
    assert open_row(demo_customers[HELSINKI_HETU]).valid_from == dt.date(2023, 5, 1)
    assert open_row(demo_customers[KAJAANI_HETU]).responsible == Responsible.NONE


def test_a_customer_with_no_place_goes_to_the_te_office_of_the_municipality(demo):
    """R-TG-6: the register holds no kotikunta: the TE office of the customer's municipality."""
    code = make_henkilotunnus(dt.date(1999, 1, 1), 961)
    person = Person.objects.create(
        henkilotunnus=code,
        birth_date=dt.date(1999, 1, 1),
        first_name="A",
        last_name="B",
        service_language="fi",
    )
    make_customer(person, "092")
    pilot_end.return_customers(END, TE_LAW)
    assert open_row(person).te_office.code == "01"


@pytest.mark.parametrize("day", [dt.date(2024, 12, 31), dt.date(2025, 1, 2), dt.date(2023, 7, 1)])
def test_another_date_is_refused(demo_customers, day):
    """R-TG-6: only the day after the pilot's end (pilot.yaml); nothing changes (message in fi)."""
    with translation.override("fi"), pytest.raises(ValidationError) as caught:
        pilot_end.return_customers(day, TE_LAW)
    assert "1.1.2025" in " ".join(caught.value.messages)
    assert not Customership.objects.filter(ground=Ground.PILOT_ENDED).exists()
