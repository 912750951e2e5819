"""Issue 14 item 2, the initial batch's exception list (R-TG-3, R-TG-4, R-TG-5; L1269 s. 5 mom 3, as mom 5
after L671/2022): the persons the TE office keeps for their language rights, where the customer relationship
would be inappropriate, or for another justified reason, imported before `transfer initial`; the batch
records each as kept (a done `DueTransfer` of ground `initial_transfer` with the reason) and transfers the
others; the person page shows the reason."""

import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.customers import transfers, worklist
from kuntakokeilu.customers.exceptions import import_exceptions
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.importer import ImportRejected
from kuntakokeilu.customers.models import (
    Customership,
    DueTransfer,
    FactKind,
    Ground,
    InitialException,
    Person,
)

from .helpers import load

pytestmark = pytest.mark.django_db

START = dt.date(2021, 3, 1)
EMMA = make_henkilotunnus(dt.date(1998, 9, 9), 971)  # 22, Swedish-speaking, Raasepori: kept
OSKAR = make_henkilotunnus(dt.date(1997, 4, 4), 972)  # 23, Raasepori, not on the list: transferred
NOT_REGISTERED = make_henkilotunnus(dt.date(1990, 1, 1), 973)
ROW = {
    "last_name": "Lindholm",
    "first_name": "Emma",
    "service_language": "sv",
    "mother_tongue": "sv",
    "immigrant": "false",
    "earnings_related_entitlement": "false",
    "valid_from": "2021-01-11",
    "kotikunta": "710",
    "status": "unemployed",
    "job_search_start": "2021-01-11",
}
HEADER = "henkilotunnus,keep_reason,keep_text\n"


@pytest.fixture
def registered(settings):
    settings.KUNTAKOKEILU_TODAY = "2021-03-02"
    ensure_demo_users()
    load(
        ROW | {"henkilotunnus": EMMA},
        ROW | {"henkilotunnus": OSKAR, "first_name": "Oskar", "last_name": "Nyström"},
    )


def person(code: str) -> Person:
    return Person.objects.get(henkilotunnus=code)


def snapshot() -> tuple:
    return (
        sorted(InitialException.objects.values_list("person_id", "keep_reason", "keep_text")),
        sorted(Customership.objects.values_list("person_id", "valid_from", "responsible")),
        sorted(DueTransfer.objects.values_list("person_id", "ground", "done_on", "keep_reason")),
    )


def test_the_raasepori_customer_kept_for_language_rights_is_not_transferred(registered, client):
    """R-TG-3, R-TG-5 (s. 5 mom 3/5): Emma, on the list for her language rights, is kept by the Uusimaa TE
    office on 1.3.2021 and counted under the reason; Oskar of the same place is transferred to Raasepori; a
    later change in Raasepori does not list Emma again (R-TG-4); her page states the reason in fi and sv."""
    import_exceptions(f"{HEADER}{EMMA},linguistic_rights,\n".encode(), source="poikkeukset.csv")
    summary = transfers.initial(START)
    assert not person(EMMA).customerships.exists()
    assert person(OSKAR).customerships.get().municipality.code == "710"
    [kept] = DueTransfer.objects.filter(person=person(EMMA))
    assert (kept.status, kept.ground, kept.done_on, kept.keep_reason) == (
        "kept",
        Ground.INITIAL_TRANSFER,
        START,
        "linguistic_rights",
    )
    assert kept.target["kunta_code"] == "710" and kept.handler_te_office.name_fi == "Uudenmaan TE-toimisto"
    [area] = [a for a in summary.areas.values() if a.transferred]
    assert (area.transferred, area.kept["linguistic_rights"]) == (1, 1)
    # a reported change in the same place: not listed again for the same transfer (worklist.kept_still)
    emma = person(EMMA)
    emma.facts.create(kind=FactKind.STATUS, valid_from=dt.date(2021, 4, 6), code="laid_off")
    assert worklist.evaluate_change(emma, event_date=dt.date(2021, 4, 6)) is None
    assert DueTransfer.objects.filter(person=emma).count() == 1
    # the person page, to the Uusimaa TE office that may see her
    client.force_login(get_user_model().objects.get(username="sanna.makinen"))
    fi = client.get(f"/job-seekers/{emma.pk}/", HTTP_ACCEPT_LANGUAGE="fi").content.decode()
    assert (
        "Uudenmaan TE-toimisto jätti henkilön siirtämättä 1.3.2021: kielellisten oikeuksien turvaamiseksi"
        in fi
    )
    assert "alkusiirron poikkeusluettelossa" in fi
    with translation.override("sv"):
        client.cookies["django_language"] = "sv"
        sv = client.get(f"/job-seekers/{emma.pk}/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "lät bli att överföra personen 1.3.2021: för att trygga de språkliga rättigheterna" in sv
    assert "på den inledande överföringens undantagslista" in sv
    # the TE office's worklist lists her among those handled, with the reason (R-TG-4)
    page = client.get("/transfers/due/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "Lindholm" in page and "för att trygga de språkliga rättigheterna" in page


@pytest.mark.parametrize(
    ("line", "field", "words"),
    [
        (f"{NOT_REGISTERED},linguistic_rights,", "henkilotunnus", "No job seeker with this identity code."),
        (f"{EMMA[:-1]}X,linguistic_rights,", "henkilotunnus", "The check character does not match"),
        (f"{OSKAR},mood,", "keep_reason", "Unknown reason: mood."),
        (f"{OSKAR},other,", "keep_text", "Explain the other justified reason."),
        (f"{EMMA},inappropriate_relationship,", "henkilotunnus", "The same person is already on line 2."),
    ],
)
def test_a_bad_file_changes_nothing(registered, line, field, words):
    """R-X-3 (all or nothing): an unknown person, a bad identity code, an unknown reason, another reason
    unexplained or a duplicate refuses the whole file, naming line 3 and the field; nothing is stored."""
    before = snapshot()
    with pytest.raises(ImportRejected) as refused, translation.override("en"):
        import_exceptions(f"{HEADER}{EMMA},linguistic_rights,\n{line}\n".encode(), source="bad.csv")
    [error] = refused.value.errors
    assert (error.line, error.field) == (3, field) and words in error.reason
    assert snapshot() == before


def test_the_command_refuses_a_bad_file_in_swedish(registered, tmp_path):
    """R-X-3: the command lists each error with its line in the language asked and exits non-zero."""
    path = tmp_path / "undantag.csv"
    path.write_text(f"{HEADER}{NOT_REGISTERED},linguistic_rights,\n{OSKAR},mood,\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("transfer", "exceptions", str(path), "--lang", "sv", stderr=err)
    assert "rad 2, henkilotunnus: Det finns ingen arbetssökande med denna personbeteckning." in err.getvalue()
    assert "rad 3, keep_reason: Okänt skäl: mood." in err.getvalue()
    assert not InitialException.objects.exists()


def test_a_person_already_transferred_is_refused(registered):
    """R-TG-3: after the batch the list cannot reach a customer: their line is refused, nothing stored."""
    transfers.initial(START)
    with translation.override("fi"):
        with pytest.raises(ImportRejected) as refused:
            import_exceptions(f"{HEADER}{OSKAR},linguistic_rights,\n".encode(), source="late.csv")
        assert str(refused.value.errors[0]) == (
            "rivi 2, henkilotunnus: Henkilöllä on jo asiakkuus: luettelo koskee vain aikaa ennen alkusiirtoa."
        )
    assert not InitialException.objects.exists()


def test_rerunning_is_idempotent(registered, tmp_path):
    """R-TG-3: importing the same list again says "No change"; a second batch keeps and transfers no one
    again (the kept person is no candidate: no second kept row, no customership)."""
    path = tmp_path / "poikkeukset.csv"
    path.write_text(f"{HEADER}{EMMA},other,Asioi ruotsiksi Tammisaaressa\n", encoding="utf-8")
    out = StringIO()
    call_command("transfer", "exceptions", str(path), "--lang", "fi", stdout=out)
    call_command("transfer", "exceptions", str(path), "--lang", "fi", stdout=out)
    assert (
        out.getvalue().strip().splitlines()[-1]
        == "Ei muutoksia: jokainen henkilö oli jo poikkeusluettelossa."
    )
    transfers.initial(START)
    first = snapshot()
    again = transfers.initial(START)
    assert snapshot() == first
    assert again.transferred == 0 and not any(a.kept for a in again.areas.values())
    assert DueTransfer.objects.get(person=person(EMMA)).keep_text == "Asioi ruotsiksi Tammisaaressa"
    # the list may be imported again after the batch (nothing to change for the kept person)
    call_command("transfer", "exceptions", str(path), "--lang", "fi", stdout=out)
    assert snapshot() == first


def test_the_batch_reads_the_list_in_one_query(registered, monkeypatch):
    """The bulk path stays fast: the exception list is read once per batch, not per chunk or person."""
    import_exceptions(f"{HEADER}{EMMA},linguistic_rights,\n{OSKAR},linguistic_rights,\n".encode(), source="x")
    monkeypatch.setattr(transfers, "CHUNK", 1)  # two chunks
    with CaptureQueriesContext(connection) as queries:
        transfers.initial(START)
    reads = [q["sql"] for q in queries if 'FROM "customers_initialexception"' in q["sql"]]
    assert len(reads) == 1
    assert DueTransfer.objects.exclude(keep_reason="").count() == 2 and not Customership.objects.exists()
