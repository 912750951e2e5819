"""Services and participation (R-SP-6, issue 17 item 3): refer → start → end | interrupt; refuse before the
start; the TE office's / ELY centre's selection for labour-market training. Bad input (issue 17 item 9)
is a localised refusal and nothing changes (R-X-3); only the customer municipality's case workers and
approvers record (R-X-1)."""

import datetime as dt

import pytest
from django.utils import translation

from kuntakokeilu.referrals import rules, services
from kuntakokeilu.referrals.models import Outcome, Referral, ServiceKind, State
from kuntakokeilu.service_process.services import Refused
from kuntakokeilu.statements.models import BenefitEvent

from .conftest import AUTUMN

pytestmark = pytest.mark.django_db
D = dt.date


def snapshot():
    return list(Referral.objects.order_by("pk").values())


def work_trial(world, user="aino"):
    return services.refer(
        world[user],
        world["helsinki"],
        kind=ServiceKind.WORK_TRIAL,
        provider="Helsingin kaupunki, Stara",
        referred_on=D(2022, 8, 15),
        today=AUTUMN,
    )


def test_a_work_trial_is_referred_started_and_ended(world):
    """R-SP-6: each service with start, planned and actual end and outcome; the municipality is the one
    whose customer the person was on the referral's date."""
    referral = work_trial(world)
    assert referral.state == State.REFERRED and referral.municipality.code == "091"
    referral = services.start(
        world["mikko"], referral, started_on=D(2022, 9, 1), planned_end=D(2022, 12, 1), today=AUTUMN
    )
    assert (referral.state, referral.started_on, referral.planned_end) == (
        State.UNDER_WAY,
        D(2022, 9, 1),
        D(2022, 12, 1),
    )
    assert referral.expected_end == D(2022, 12, 1)
    referral = services.end(
        world["aino"], referral, actual_end=D(2022, 10, 1), outcome=Outcome.COMPLETED, today=AUTUMN
    )
    assert (referral.state, referral.actual_end, referral.outcome) == (
        State.ENDED,
        D(2022, 10, 1),
        "completed",
    )
    assert referral.expected_end == D(2022, 10, 1)


def test_an_interruption_keeps_its_reason_and_ends_the_service(world):
    """R-SP-6: interruption with its reason (a fixed list and free text); the outcome is interrupted."""
    referral = work_trial(world)
    services.start(
        world["aino"], referral, started_on=D(2022, 9, 1), planned_end=D(2022, 12, 1), today=AUTUMN
    )
    referral = services.interrupt(
        world["aino"],
        referral,
        interrupted_on=D(2022, 9, 20),
        reason="illness",
        text=" sairausloma ",
        today=AUTUMN,
    )
    assert (referral.state, referral.actual_end, referral.outcome) == (
        State.INTERRUPTED,
        D(2022, 9, 20),
        "interrupted",
    )
    assert (referral.interruption_reason, referral.interruption_text) == ("illness", "sairausloma")


def test_a_service_refused_before_it_starts(world):
    referral = services.refuse(world["aino"], work_trial(world), refused_on=D(2022, 8, 20), today=AUTUMN)
    assert (referral.state, referral.outcome, referral.refused_on) == (
        State.REFUSED,
        "refused",
        D(2022, 8, 20),
    )
    with pytest.raises(Refused):
        services.start(
            world["aino"], referral, started_on=D(2022, 9, 1), planned_end=D(2022, 12, 1), today=AUTUMN
        )


def test_labour_market_training_starts_only_once_selected(world):
    """R-SP-6: the selection stays with the TE office / ELY centre; the referral records what it receives."""
    training = services.refer(
        world["aino"],
        world["helsinki"],
        kind=ServiceKind.LABOUR_MARKET_TRAINING,
        provider="Uudenmaan ELY-keskus: logistiikan koulutus",
        referred_on=D(2022, 8, 1),
        today=AUTUMN,
    )
    with pytest.raises(Refused) as refused:
        services.start(
            world["aino"], training, started_on=D(2022, 9, 1), planned_end=D(2022, 12, 1), today=AUTUMN
        )
    assert refused.value.message == rules.NOT_YET_SELECTED
    training = services.record_selection(
        world["aino"], training, selection="selected", selection_on=D(2022, 8, 25), today=AUTUMN
    )
    assert (training.state, training.selection, training.selection_on) == (
        State.REFERRED,
        "selected",
        D(2022, 8, 25),
    )
    training = services.start(
        world["aino"], training, started_on=D(2022, 9, 1), planned_end=D(2022, 12, 1), today=AUTUMN
    )
    assert training.state == State.UNDER_WAY


def test_not_selected_closes_the_referral(world):
    training = services.refer(
        world["aino"],
        world["helsinki"],
        kind="labour_market_training",
        provider="ELY",
        referred_on=D(2022, 8, 1),
        today=AUTUMN,
    )
    training = services.record_selection(
        world["aino"], training, selection="not_selected", selection_on=D(2022, 8, 25), today=AUTUMN
    )
    assert (training.state, training.outcome) == (State.NOT_SELECTED, Outcome.NOT_SELECTED)
    coaching = work_trial(world)
    with pytest.raises(Refused) as refused:
        services.record_selection(
            world["aino"], coaching, selection="selected", selection_on=D(2022, 8, 25), today=AUTUMN
        )
    assert refused.value.message == rules.NOT_TRAINING


@pytest.mark.parametrize(
    ("step", "field", "finnish"),
    [
        ("plan_before_start", "planned_end", "Palvelu ei voi päättyä ennen kuin se alkaa (1.9.2022)."),
        ("end_before_start", "actual_end", "Palvelu ei voi päättyä ennen kuin se alkaa (1.9.2022)."),
        (
            "interrupt_before_start",
            "interrupted_on",
            "Keskeytyksen on osuttava palvelun ajalle, 1.9.2022–1.12.2022.",
        ),
        (
            "interrupt_after_end",
            "interrupted_on",
            "Keskeytyksen on osuttava palvelun ajalle, 1.9.2022–1.12.2022.",
        ),
        ("start_before_referral", "started_on", "Päivä ei voi olla ennen ohjausta 15.8.2022."),
        ("start_in_future", "started_on", "Päivä ei voi olla tämän päivän (3.10.2022) jälkeen."),
        ("unknown_reason", "reason", "Valitse keskeytyksen syy."),
    ],
)
def test_bad_dates_are_refused_in_finnish_and_change_nothing(world, step, field, finnish):
    """Issue 17 item 9, R-X-3: a service ending before it starts (and other dates outside the service) —
    a clear localised message naming the field; nothing changed."""
    referral = work_trial(world)
    if step != "plan_before_start" and not step.startswith("start_"):
        services.start(
            world["aino"], referral, started_on=D(2022, 9, 1), planned_end=D(2022, 12, 1), today=AUTUMN
        )
    before = snapshot()
    calls = {
        "plan_before_start": lambda: services.start(
            world["aino"], referral, started_on=D(2022, 9, 1), planned_end=D(2022, 8, 31), today=AUTUMN
        ),
        "end_before_start": lambda: services.end(
            world["aino"], referral, actual_end=D(2022, 8, 31), outcome="completed", today=AUTUMN
        ),
        "interrupt_before_start": lambda: services.interrupt(
            world["aino"], referral, interrupted_on=D(2022, 8, 31), reason="illness", today=AUTUMN
        ),
        "interrupt_after_end": lambda: services.interrupt(
            world["aino"], referral, interrupted_on=D(2022, 12, 2), reason="illness", today=AUTUMN
        ),
        "start_before_referral": lambda: services.start(
            world["aino"], referral, started_on=D(2022, 8, 1), planned_end=D(2022, 12, 1), today=AUTUMN
        ),
        "start_in_future": lambda: services.start(
            world["aino"], referral, started_on=D(2022, 10, 4), planned_end=D(2022, 12, 1), today=AUTUMN
        ),
        "unknown_reason": lambda: services.interrupt(
            world["aino"], referral, interrupted_on=D(2022, 9, 20), reason="bored", today=AUTUMN
        ),
    }
    with pytest.raises(Refused) as refused:
        calls[step]()
    assert refused.value.field == field
    with translation.override("fi"):
        assert str(refused.value.message) == finnish
    assert snapshot() == before


def test_the_swedish_message_of_a_service_ending_before_it_starts(world):
    referral = work_trial(world)
    with pytest.raises(Refused) as refused:
        services.start(
            world["aino"], referral, started_on=D(2022, 9, 1), planned_end=D(2022, 8, 1), today=AUTUMN
        )
    with translation.override("sv"):
        assert str(refused.value.message) == "Tjänsten kan inte sluta innan den börjar (1.9.2022)."


def test_state_changes_follow_the_table(world):
    """refer → start → end | interrupt; refuse only before the start; nothing after the end."""
    referral = work_trial(world)
    with pytest.raises(Refused):
        services.end(world["aino"], referral, actual_end=D(2022, 9, 2), outcome="completed", today=AUTUMN)
    services.start(
        world["aino"], referral, started_on=D(2022, 9, 1), planned_end=D(2022, 12, 1), today=AUTUMN
    )
    with pytest.raises(Refused):
        services.refuse(world["aino"], referral, refused_on=D(2022, 9, 2), today=AUTUMN)
    services.end(world["aino"], referral, actual_end=D(2022, 9, 30), outcome="completed", today=AUTUMN)
    before = snapshot()
    with pytest.raises(Refused):
        services.interrupt(
            world["aino"], referral, interrupted_on=D(2022, 9, 20), reason="illness", today=AUTUMN
        )
    assert snapshot() == before


@pytest.mark.parametrize("username", ["linnea", "sanna"])
def test_only_the_customer_municipality_s_staff_record(world, username):
    """R-X-1: the Porvoo case worker and the TE office cannot refer a Helsinki customer, nor change one."""
    with pytest.raises(Refused):
        work_trial(world, username)
    referral = work_trial(world)
    with pytest.raises(Refused):
        services.start(
            world[username], referral, started_on=D(2022, 9, 1), planned_end=D(2022, 12, 1), today=AUTUMN
        )
    assert Referral.objects.get().state == State.REFERRED


def test_a_referral_needs_a_customership_on_its_date(world):
    """A referral dated before the person was a trial municipality's customer is refused."""
    with pytest.raises(Refused) as refused:
        services.refer(
            world["aino"],
            world["helsinki"],
            kind="work_trial",
            provider="Stara",
            referred_on=D(2021, 1, 10),
            today=AUTUMN,
        )
    assert refused.value.field == "referred_on"
    assert not Referral.objects.exists()


def test_the_benefit_event_names_the_service_in_the_persons_service_language(world):
    """R-SP-8: the statement made of a service's start is in the person's service language (Swedish for the
    Porvoo job seeker) whatever language the case worker's screen is in, with the provider."""
    with translation.override("fi"):
        referral = services.refer(
            world["linnea"],
            world["porvoo"],
            kind=ServiceKind.WORK_TRIAL,
            provider="Borgå stad",
            referred_on=D(2022, 8, 15),
            today=AUTUMN,
        )
        services.start(
            world["linnea"], referral, started_on=D(2022, 9, 1), planned_end=D(2022, 12, 1), today=AUTUMN
        )
        finnish = str(ServiceKind.WORK_TRIAL.label)
    with translation.override("sv"):
        swedish = str(ServiceKind.WORK_TRIAL.label)
    assert swedish != finnish
    event = BenefitEvent.objects.get(source=f"referral:{referral.pk}", kind="service_started")
    assert event.facts["service"] == f"{swedish}, Borgå stad"
