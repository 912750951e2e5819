# ruff: noqa: F811 - the fixture imported from tests/referrals is a parameter of the tests
"""Why a job search ended (issue 17 item 6): recorded when it ends — monitoring and the evaluation count
exits by reason (`queries_exit.exits_by_reason`); bad input is a localised refusal and nothing is written
(R-X-3); only the customer municipality's case workers and approvers record (R-X-1)."""

import datetime as dt

import pytest
from django.utils import translation

from kuntakokeilu.service_process import services_exit
from kuntakokeilu.service_process.models import JobSearchEndReason
from kuntakokeilu.service_process.queries_exit import exits_by_reason
from kuntakokeilu.service_process.services import Refused
from tests.referrals.conftest import AUTUMN, job_seeker, world  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def ended(world):
    """A Helsinki job seeker whose job search ran 1.3.–30.9.2022."""
    return job_seeker(973, "091", start="2022-03-01", end="2022-09-30")


def record(world, person, user="aino", **changes):
    given = {"ended_on": D(2022, 9, 30), "reason": "open_market", "text": "", **changes}
    return services_exit.record_end_reason(world[user], person, today=AUTUMN, **given)


def test_the_reason_is_recorded_and_counted_by_reason(world, ended):
    row = record(world, ended, text=" Rakennusliike ")
    assert (row.ended_on, row.reason, row.text, row.municipality.code) == (
        D(2022, 9, 30),
        "open_market",
        "Rakennusliike",
        "091",
    )
    record(world, world["helsinki"], ended_on=D(2022, 9, 15), reason="education")
    counts = exits_by_reason(["091"], D(2022, 9, 1), D(2022, 9, 30))
    assert counts == {
        "open_market": 1,
        "subsidised": 0,
        "education": 1,
        "outside_labour_force": 0,
        "moved": 0,
        "other": 0,
    }
    assert exits_by_reason(["091"], D(2022, 9, 16), D(2022, 9, 29))["education"] == 0
    assert sum(exits_by_reason(["638"], D(2022, 1, 1), D(2022, 12, 31)).values()) == 0


@pytest.mark.parametrize(
    ("changes", "field", "finnish"),
    [
        (
            {"ended_on": D(2022, 10, 4)},
            "ended_on",
            "Työnhaun päättyminen ei voi olla tämän päivän (3.10.2022) jälkeen.",
        ),
        ({"ended_on": D(2022, 9, 29)}, "ended_on", "Rekisterin mukaan tämä työnhaku päättyi 30.9.2022."),
        (
            {"ended_on": D(2022, 2, 1)},
            "ended_on",
            "Työnhakijalla ei ollut työnhakua, joka olisi voinut päättyä tänä päivänä.",
        ),
        ({"reason": "lottery"}, "reason", "Valitse, miksi työnhaku päättyi."),
    ],
)
def test_bad_input_is_refused_in_finnish_and_writes_nothing(world, ended, changes, field, finnish):
    with pytest.raises(Refused) as refused:
        record(world, ended, **changes)
    assert refused.value.field == field
    with translation.override("fi"):
        assert str(refused.value.message) == finnish
    assert not JobSearchEndReason.objects.exists()


def test_one_reason_per_job_search_end(world, ended):
    record(world, ended)
    with pytest.raises(Refused) as refused:
        record(world, ended, reason="moved")
    with translation.override("sv"):
        assert (
            str(refused.value.message)
            == "En orsak har redan registrerats för arbetssökandet som upphörde 30.9.2022."
        )
    assert list(JobSearchEndReason.objects.values_list("reason", flat=True)) == ["open_market"]


@pytest.mark.parametrize("username", ["linnea", "sanna"])
def test_only_the_customer_municipality_s_staff_record(world, ended, username):
    with pytest.raises(Refused):
        record(world, ended, username)
    assert not JobSearchEndReason.objects.exists()
