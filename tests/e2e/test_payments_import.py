"""Payments by import in the browser (issue 18 item 4; R-RES-2, R-X-7), on 15.9.2023 (injected clock), in
Finnish: the Kainuu area manager imports a file with an unknown decision and sees the error by line and
field with nothing recorded, then imports the right file and sees the payment recorded."""

import datetime as dt
from decimal import Decimal

import pytest

from kuntakokeilu.funding.models import LedgerEntry
from tests.decisions.factories import WAGE_FACTS
from tests.e2e.conftest import check_accessibility, sign_in
from tests.e2e.test_benefit_decisions import TODAY, customers

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def _file(text: str) -> dict:
    return {"name": "maksut.csv", "mimeType": "text/csv", "buffer": text.encode()}


def test_the_area_manager_imports_payments(page, site, settings):
    from django.contrib.auth import get_user_model

    from kuntakokeilu.decisions import services

    jari = customers(settings)["jari"]  # and the quotas of every area
    users = get_user_model().objects
    on = dt.date.fromisoformat(TODAY)
    draft = services.prepare(
        jari, "wage-subsidy", WAGE_FACTS, Decimal("9000.00"), 50, dt.date(2023, 10, 1), dt.date(2024, 7, 31),
        users.get(username="ville.hyvonen"), on,
    )  # fmt: skip
    number = services.accept(draft, users.get(username="antti.pulkkinen"), on).diary_number
    header = "diary_number,payment_date,amount_eur,payment_reference\n"

    sign_in(page, "juha.heikkinen")
    page.goto("/funding/areas/7/payments/import/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Maksujen tuonti")
    check_accessibility(page)
    page.get_by_label("CSV-tiedosto").set_input_files(
        _file(header + f"{number},15.9.2023,900,MAKSU-1\n205/2023/99999,15.9.2023,10,MAKSU-2\n")
    )
    page.get_by_role("button", name="Tuo").click()
    page.wait_for_load_state()
    assert (
        "rivi 3, diary_number: alueella ei ole päätöstä 205/2023/99999."
        in page.get_by_role("alert").inner_text()
    )
    check_accessibility(page)
    assert not LedgerEntry.objects.filter(kind="payment").exists()

    page.get_by_label("CSV-tiedosto").set_input_files(_file(header + f"{number},15.9.2023,900,MAKSU-1\n"))
    page.get_by_role("button", name="Tuo").click()
    page.wait_for_load_state()
    assert "Maksuja kirjattu: 1." in page.get_by_role("status").inner_text()
    assert LedgerEntry.objects.get(kind="payment").amount == Decimal("900.00")
