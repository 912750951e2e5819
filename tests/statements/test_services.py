"""Benefit events, reminders, statements and notices (R-SP-8; law notes §3.4, §3.7): `record_event`
creates the written reminder for the first counted failure, a notice to the TE office for the second, the
municipality's own statement for an interrupted service; a statement asked for outside the municipality's
competence is refused with a localised message and nothing changes."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from kuntakokeilu.letters.pdf import render_pdf
from kuntakokeilu.service_process import services as sp_services
from kuntakokeilu.statements import letters, services
from kuntakokeilu.statements.models import BenefitEvent, Statement, Status, TeOfficeNotice
from tests.statements.conftest import HELSINKI_HETU, PORVOO_HETU

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat
TODAY = D("2022-10-20")


def no_show(user, person, on):
    return sp_services.record_meeting(
        user, person, type="job_search_discussion", date=on, channel="phone", no_show=True, today=TODAY
    )


def test_a_first_no_show_gives_a_reminder_and_a_second_a_notice_with_7_days(demo_customers, user):
    """R-SP-8, law notes §3.4: first failure from 2.5.2022 → written reminder; the second within 12 months →
    a notice to the TE office (TTL 2 a stays with the TE office) due the same day, ladder step 7 days."""
    aino, person = user("aino.virtanen"), demo_customers[HELSINKI_HETU]
    first = no_show(aino, person, D("2022-09-05"))
    event = BenefitEvent.objects.get(source=f"meeting:{first.pk}")
    assert (event.kind, event.handling, event.counts_as_failure, event.ladder_step) == (
        "discussion_missed",
        "reminder",
        True,
        1,
    )
    assert event.reminder.language == "fi"
    letter = letters.reminder_letter(event.reminder)
    assert letter.title == "Kirjallinen muistutus"
    assert render_pdf(letter).startswith(b"%PDF")
    assert not hasattr(event, "notice") and not hasattr(event, "statement")

    second = no_show(aino, person, D("2022-10-03"))
    event = BenefitEvent.objects.get(source=f"meeting:{second.pk}")
    assert (event.handling, event.ladder_step, event.consequence) == ("notice", 2, "days_7")
    notice = event.notice
    assert notice.due_by == D("2022-10-03") and notice.status == Status.DRAFT
    assert notice.handler_te_office is not None and notice.handler_municipality.code == "091"
    text = " ".join(letters.explanation(event.ladder, "fi"))
    assert "7 päivää" in text
    assert "7 dagar" in " ".join(letters.explanation(event.ladder, "sv"))


def test_an_interrupted_service_gives_a_statement_to_kela_due_in_7_days(demo_customers, user):
    """R-SP-8, law notes §3.7: participation in a service (L1269 s. 12) is the municipality's own statement
    since 1.3.2021, due 7 calendar days after the complete information; the mapping is marked inferred."""
    person = demo_customers[HELSINKI_HETU]
    event = services.record_by_hand(
        user("aino.virtanen"),
        person,
        kind="service_interrupted",
        on=D("2022-10-10"),
        facts={"service": "Työkokeilu, Kallion kirjasto", "information_complete": D("2022-10-12")},
        today=TODAY,
    )
    statement = event.statement
    assert (statement.recipient, statement.subject) == ("kela", "service_participation")
    assert statement.due_by == D("2022-10-19")
    assert statement.reference == "L1269 s. 12 a (682/2022)"
    assert any("päätelty" in line for line in letters.explanation(event.competence, "fi"))
    letter = letters.statement_letter(statement)
    assert letter.recipient == "Kela" and letter.title == "Työvoimapoliittinen lausunto"


def test_a_porvoo_statement_is_in_swedish(demo_customers, user):
    person = demo_customers[PORVOO_HETU]
    event = services.record_by_hand(
        user("linnea.lindqvist"), person, kind="studies_started", on=D("2022-09-12"), facts={}, today=TODAY
    )
    letter = letters.statement_letter(event.statement)
    assert letter.language == "sv" and letter.title == "Arbetskraftspolitiskt utlåtande"
    assert letter.recipient == "FPA"


def test_a_statement_outside_competence_is_refused_and_nothing_changes(demo_customers, user):
    """R-SP-8 bad input (issue 17 item 9): restoration of benefit rights before 11.7.2022, and a missed
    discussion (TTL 2 a, the TE office's) — a localised message; no statement is written."""
    aino, person = user("aino.virtanen"), demo_customers[HELSINKI_HETU]
    event = services.record_by_hand(
        aino, person, kind="other", on=D("2022-06-15"), facts={"subject": "restoration"}, today=TODAY
    )
    assert event.handling == "notice"
    with translation.override("fi"):
        with pytest.raises(ValidationError) as refused:
            services.create_statement(event, by=aino, today=TODAY)
        assert "vasta 11.7.2022 alkaen" in refused.value.messages[0]
    with translation.override("sv"):
        with pytest.raises(ValidationError) as refused:
            services.create_statement(event, by=aino, today=TODAY)
        assert (
            "från och med 11.7.2022" in refused.value.messages[0] and "TE-byrån" in refused.value.messages[0]
        )
    assert Statement.objects.count() == 0
    later = services.record_by_hand(
        aino, person, kind="other", on=D("2022-07-11"), facts={"subject": "restoration"}, today=TODAY
    )
    assert later.handling == "statement"


def test_status_changes_follow_the_table(demo_customers, user):
    aino, person = user("aino.virtanen"), demo_customers[HELSINKI_HETU]
    event = services.record_by_hand(
        aino, person, kind="plan_not_followed", on=D("2022-09-01"), facts={}, today=TODAY
    )
    assert event.handling == "reminder"
    event = services.record_by_hand(
        aino, person, kind="plan_not_followed", on=D("2022-09-20"), facts={}, today=TODAY
    )
    notice = event.notice
    with pytest.raises(ValidationError):
        services.change_status(notice, "acknowledge", by=aino, on=TODAY)
    services.change_status(notice, "send", by=aino, on=TODAY)
    notice.refresh_from_db()
    assert (notice.status, notice.sent_on, notice.done_on) == ("sent", TODAY, TODAY)
    assert not TeOfficeNotice.objects.open().exists()
    services.change_status(notice, "acknowledge", by=user("sanna.makinen"), on=TODAY)
    notice.refresh_from_db()
    assert notice.status == "acknowledged"


def test_a_job_offer_counts_only_6_months_after_the_initial_interview(demo_customers, user):
    """Law notes §3.4: not applying for a job offered by the authority counts from 6 months after the
    initial interview; the employers app's answer in `counts` wins when given."""
    aino, person = user("aino.virtanen"), demo_customers[HELSINKI_HETU]
    early = services.record_by_hand(
        aino,
        person,
        kind="job_offer_refused",
        on=D("2022-08-01"),
        facts={"initial_interview": D("2022-05-10")},
        today=TODAY,
    )
    assert not early.counts_as_failure and early.handling == "notice"
    late = services.record_by_hand(
        aino,
        person,
        kind="job_offer_refused",
        on=D("2022-10-01"),
        facts={"initial_interview": D("2022-03-10")},
        today=TODAY,
    )
    assert late.counts_as_failure and late.handling == "reminder"
    given = services.record_by_hand(
        aino, person, kind="job_offer_refused", on=D("2022-10-02"), facts={"counts": False}, today=TODAY
    )
    assert not given.counts_as_failure


def test_another_municipality_may_not_record(demo_customers, user):
    with pytest.raises(ValidationError):
        services.record_by_hand(
            user("linnea.lindqvist"),
            demo_customers[HELSINKI_HETU],
            kind="other",
            on=D("2022-09-01"),
            facts={},
            today=TODAY,
        )
    assert BenefitEvent.objects.count() == 0
