"""The checks that pages, forms and the API share live once in the domain (R-TG-5, R-X-2, R-X-3): a
transfer request dated after the day it is recorded, the conditions of s. 5 as the TE office weighs
them, and the purpose a search by identity code must state."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers import search, transfer_requests
from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.models import Ground, RequestReason, TransferRequest

from .conftest import HELSINKI_HETU

pytestmark = pytest.mark.django_db
ASKED = dt.date(2023, 5, 2)


def test_a_request_dated_after_its_recording_is_refused_by_the_domain(demo_customers, user):
    """The page and the API both refuse it, because `ask` does (R-TG-5)."""
    with pytest.raises(ValidationError) as refused:
        transfer_requests.ask(
            demo_customers[HELSINKI_HETU],
            actor=user("sanna.makinen"),
            asked_on=ASKED + dt.timedelta(days=1),
            recorded_on=ASKED,
            ground=Ground.REQUEST_TO_TE_OFFICE,
            reason=RequestReason.LINGUISTIC_RIGHTS,
            services_secured=True,
        )
    assert set(refused.value.message_dict) == {"asked_on"}
    assert not TransferRequest.objects.exists()


def test_the_api_refuses_a_future_request_with_the_domain_s_words(demo_customers, user, client, settings):
    settings.KUNTAKOKEILU_TODAY = ASKED
    client.force_login(user("sanna.makinen"))
    response = client.post(
        reverse("api:transfer-requests"),
        {
            "person": str(demo_customers[HELSINKI_HETU].pk),
            "asked_on": "2023-05-03",
            "ground": Ground.REQUEST_TO_TE_OFFICE,
            "reason": RequestReason.LINGUISTIC_RIGHTS,
            "services_secured": True,
        },
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    assert response.status_code == 400
    assert "asked_on" in response.json()["error"]["fields"]
    assert not TransferRequest.objects.exists()


def test_the_conditions_of_section_5_in_the_te_office_s_words(demo_customers, user):
    request = transfer_requests.ask(
        demo_customers[HELSINKI_HETU],
        actor=user("sanna.makinen"),
        asked_on=ASKED,
        ground=Ground.REQUEST_TO_TE_OFFICE,
        reason=RequestReason.SAFETY,
        services_secured=False,
    )
    with translation.override("en"):
        found = transfer_requests.conditions(request)
        assert [c.met for c in found] == [True, True, False]
        assert transfer_requests.unmet_conditions(request) == [found[2].text]
    assert request.handler_te_office.code == "01"  # the Uusimaa TE office decides (Helsinki's place)


@pytest.mark.nodb
def test_a_search_by_identity_code_states_its_purpose():
    """R-X-2: the form and the API both ask `search.purpose_of`."""
    code = make_henkilotunnus(dt.date(1990, 1, 1), 123)
    assert search.purpose_of("Virtanen", None) == Purpose.CUSTOMER_SERVICE
    assert search.purpose_of(code, Purpose.TRANSFER) == Purpose.TRANSFER
    with pytest.raises(ValidationError) as refused:
        search.purpose_of(code, None)
    assert set(refused.value.message_dict) == {"purpose"}
    with pytest.raises(ValidationError):
        search.purpose_of("Virtanen", Purpose.ACCESS_REQUEST)
