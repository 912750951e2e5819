"""The funding pages (issue 18 items 3, 5 and 6) and the customer volumes they divide by: the ELY page's
computation by the customers app's counts, the exports (CSV and .xlsx), the CSV import's refusal listed by
line number with nothing changed, and a refused adjustment answered 400 with nothing changed."""

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from kuntakokeilu.customers.counts import municipal_customers_on
from kuntakokeilu.funding import services
from kuntakokeilu.funding.models import Quota, QuotaComputation, SubsidyExpenditure2018
from kuntakokeilu.funding.volumes import area_volumes
from kuntakokeilu.regions.models import ElyCentre, Municipality
from tests.customers.conftest import demo, demo_customers, user  # noqa: F401 - fixtures

from .conftest import TODAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def allocated(demo_customers, settings):  # noqa: F811
    settings.KUNTAKOKEILU_TODAY = TODAY.isoformat()
    from django.contrib.auth import get_user_model

    services.allocate(
        get_user_model().objects.get(username="elina.laine"),
        ely=ElyCentre.objects.get(code="01"),
        year=2022,
        instrument="wage_subsidy",
        amount=100_000,
        decided_on=TODAY,
        reference="TEM/1/2022",
        today=TODAY,
    )


def signed_in(client, username):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_customers_counts_the_municipal_customers_on_a_day(demo_customers):  # noqa: F811
    """R-RES-1's input: the persons a municipality is responsible for on a date (customers.counts)."""
    helsinki, porvoo = Municipality.objects.get(code="091"), Municipality.objects.get(code="638")
    counts = municipal_customers_on([helsinki.pk, porvoo.pk], dt.date(2022, 1, 31))
    assert counts == {helsinki.pk: 1, porvoo.pk: 1}
    assert municipal_customers_on([helsinki.pk], dt.date(2021, 2, 28)) == {helsinki.pk: 0}


def test_volumes_per_trial_area_of_the_ely_centre(demo_customers):  # noqa: F811
    """R-RES-1: the volumes summed per trial area over its members, only the ELY centre's own areas."""
    volumes = area_volumes(ElyCentre.objects.get(code="01"), dt.date(2022, 1, 31))
    assert volumes == {19: 0, 20: 1, 21: 0, 22: 1, 23: 0}


def test_the_ely_page_computes_and_exports(client, allocated):
    """R-RES-1, issue 18 item 6: the computation shown with its inputs; CSV and .xlsx exports."""
    c = signed_in(client, "kaisa.jarvinen")
    response = c.post(
        "/funding/ely/01/compute/?year=2022", {"instrument": "wage_subsidy", "volume_date": "31.1.2022"}
    )
    assert response.status_code == 302
    computation = QuotaComputation.objects.get()
    assert computation.inputs == {"19": 0, "20": 1, "21": 0, "22": 1, "23": 0}
    assert computation.result == {"19": 0, "20": 50_000, "21": 0, "22": 50_000, "23": 0}
    page = c.get("/funding/ely/01/?year=2022").content.decode()
    assert "Asiakasmäärän mukaan 31.1.2022: 1 ELY-keskuksen kokeilualueiden 2 asiakkaasta" in page
    csv_text = c.get("/funding/ely/01/quotas.csv?year=2022").content.decode()
    assert "2022,01,wage_subsidy,100000,by_volume,2022-01-31,20,Helsinki,1,50000,,50000," in csv_text
    book = load_workbook(io.BytesIO(c.get("/funding/ely/01/quotas.xlsx?year=2022").content))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][:3] == ("year", "ely_code", "instrument") and len(rows) == 6
    assert isinstance(rows[1][5], dt.datetime) and rows[1][11] == 0


def test_a_refused_adjustment_is_a_400_and_changes_nothing(client, allocated):
    """Issue 18 item 7: the sum broken — the localised error on the page, nothing changed."""
    c = signed_in(client, "kaisa.jarvinen")
    c.post("/funding/ely/01/compute/?year=2022", {"instrument": "wage_subsidy", "volume_date": "31.1.2022"})
    data = {"instrument": "wage_subsidy", "year": "2022", "wage_subsidy-instrument": "wage_subsidy"}
    data |= {f"wage_subsidy-area_{n}": "20000" for n in (19, 20, 21, 22, 23)}
    data["wage_subsidy-area_20"] = "20001"
    data["wage_subsidy-reason"] = "tasajako"
    response = c.post("/funding/ely/01/adjust/?year=2022", data)
    assert response.status_code == 400
    assert (
        "Kiintiöiden summa on 100\u00a0001 €, mutta määräraha on 100\u00a0000 €" in response.content.decode()
    )
    assert not Quota.objects.exclude(adjusted_amount=None).exists()
    data["wage_subsidy-area_20"] = "20000"
    assert c.post("/funding/ely/01/adjust/?year=2022", data).status_code == 302
    assert Quota.objects.exclude(adjusted_amount=None).count() == 5  # 0, 50 000, 0, 50 000, 0 -> 20 000 each


def test_the_expenditure_import_page_lists_errors_and_imports_nothing(client, allocated):
    """R-RES-4: the CSV import, all or nothing, errors by line number in the page's language."""
    c = signed_in(client, "juha.heikkinen")
    bad = io.BytesIO(b"kunta_code,form,amount_eur\n205,share_300,100\n091,share_300,5\n")
    bad.name = "menot.csv"
    response = c.post("/funding/areas/7/expenditure/?year=2022", {"file": bad})
    assert response.status_code == 400
    assert "rivi 3: 091 ei ole kokeilualueen kunta." in response.content.decode()
    assert not SubsidyExpenditure2018.objects.exists()
    good = io.BytesIO(b"kunta_code;form;amount_eur\n205;share_300;1000000\n")
    good.name = "menot.csv"
    assert c.post("/funding/areas/7/expenditure/?year=2022", {"file": good}).status_code == 302
    page = c.get("/funding/areas/7/?year=2022").content.decode()
    assert "150\u00a0000" in page  # the reference, 15 % of 1 000 000


def test_the_home_link_takes_each_role_to_its_page(client, allocated):
    assert signed_in(client, "elina.laine").get("/funding/")["Location"] == "/funding/allocations/"
    assert signed_in(client, "kaisa.jarvinen").get("/funding/")["Location"] == "/funding/ely/01/"
    assert signed_in(client, "juha.heikkinen").get("/funding/")["Location"] == "/funding/areas/7/"
    assert signed_in(client, "aino.virtanen").get("/funding/").status_code == 403
