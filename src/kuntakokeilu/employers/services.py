"""Writing the employer side (R-SP-7): employers, vacancies, written consents, presentations and job offers.

Every function checks the catalogue again for the object it changes, refuses bad input with
`Refused(field, localised message)` and then writes nothing (one transaction each; `present` is
all-or-nothing for several job seekers). `record_outcome` returns the rule `job-offer-refusal`'s answer for a
refusal, so that its caller can pass the benefit event on (R-SP-8).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import can
from kuntakokeilu.customers import customerships
from kuntakokeilu.customers.models import Person
from kuntakokeilu.regions.models import Municipality
from kuntakokeilu.rules.outcome import Outcome as RuleOutcome
from kuntakokeilu.service_process.services import Formatted, Refused
from kuntakokeilu.statements.services import record_event

from . import business_id as bid
from .models import (
    ConsentScope,
    Employer,
    JobOffer,
    OfferedBy,
    Outcome,
    Presentation,
    PresentationConsent,
    Vacancy,
    VacancyStatus,
)
from .queries import initial_interview_before, valid_consent
from .rules import REFUSALS, refusal_counts

__all__ = ["Refused"]

NOT_YOURS = _("This job seeker is not among the persons you serve.")
NOT_YOUR_PLACE = _("The municipality is not among those you serve.")
BUSINESS_ID_FORMAT = _("Give the business id as seven digits, a hyphen and the check digit, e.g. 1234567-8.")
BUSINESS_ID_CHECK = _("The business id %(id)s is not valid: its check digit does not match.")
BUSINESS_ID_TAKEN = _("An employer with the business id %(id)s is already recorded.")
NEEDS_NAME = _("Give the employer's name.")
NEEDS_TITLE = _("Give the job title.")
NEEDS_ASSIGNMENT = _("Give the employer's assignment: what the employer asked the municipality to do.")
APPLY_BEFORE_PUBLISHED = _("The date to apply by cannot be before the date of publication.")
ASSIGNMENT_AFTER_PUBLISHED = _("The employer's assignment cannot be dated after the publication.")
IN_THE_FUTURE = _("The date cannot be after today (%(today)s).")
UNKNOWN_STATUS = _("Choose the status of the vacancy.")
NEEDS_DOCUMENT = _(
    "Give the stored written consent: a reference to the signed document or its text. An oral consent is "
    "not enough."
)
NEEDS_EMPLOYER = _("A consent for one employer names that employer.")
NO_EMPLOYER_FOR_ALL = _("A consent for all employers names no single employer.")
UNKNOWN_SCOPE = _("Choose whether the consent covers all employers or one employer.")
ALREADY_WITHDRAWN = _("The consent was already withdrawn on %(on)s.")
WITHDRAWN_BEFORE_GIVEN = _("A consent cannot be withdrawn before it was given (%(on)s).")
VACANCY_NOT_OPEN = _("The vacancy is not open: job seekers are presented only for open vacancies.")
NO_CANDIDATES = _("Choose at least one job seeker to present.")
NO_CONSENT = _(
    "%(name)s cannot be presented to %(employer)s: there is no written consent of the job seeker to be "
    "presented to employers valid on %(on)s (none given, withdrawn, or for another employer). Record the "
    "stored written consent first; nothing was presented."
)
ALREADY_PRESENTED = _("%(name)s has already been presented for this vacancy.")
NOT_A_CUSTOMER = _("The job seeker was not a customer of a trial municipality on the date of the offer.")
NEEDS_JOB = _("Name the job: choose a vacancy or describe the job.")
UNKNOWN_OFFERED_BY = _("Choose who offered the job.")
APPLY_BY_BEFORE_OFFER = _("The date to apply by cannot be before the date of the offer.")
UNKNOWN_OUTCOME = _("Choose the outcome of the job offer.")
OUTCOME_BEFORE_OFFER = _("The outcome cannot be dated before the offer (%(on)s).")
NO_ANSWER_TOO_EARLY = _("“No answer” can be recorded only after the date to apply by (%(on)s) has passed.")
REFUSAL_NEEDS_REASON = _("Give the reason the job seeker gave for the refusal (or “none given”).")


def _date(value: dt.date) -> str:
    return f"{value.day}.{value.month}.{value.year}"


def _by(user):
    return user if getattr(user, "is_authenticated", False) else None


def _not_future(field: str, value: dt.date, today: dt.date) -> None:
    if value > today:
        raise Refused(field, Formatted(IN_THE_FUTURE, today=_date(today)))


# --- employers and vacancies ------------------------------------------------------------------------


def add_employer(
    user, *, business_id: str, name: str, municipality: Municipality, contact: str = "", today: dt.date
) -> Employer:
    """Record an employer; the business id is checked with its check digit (`business_id`)."""
    if not can(user, "employers.manage", Employer(municipality=municipality), today):
        raise Refused("municipality", NOT_YOUR_PLACE)
    value = bid.normalise(business_id)
    problem = bid.problem(value)
    if problem == "format":
        raise Refused("business_id", BUSINESS_ID_FORMAT)
    if problem == "check_digit":
        raise Refused("business_id", Formatted(BUSINESS_ID_CHECK, id=value))
    name = (name or "").strip()
    if not name:
        raise Refused("name", NEEDS_NAME)
    with transaction.atomic():
        if Employer.objects.filter(business_id=value).exists():
            raise Refused("business_id", Formatted(BUSINESS_ID_TAKEN, id=value))
        return Employer.objects.create(
            business_id=value,
            name=name,
            municipality=municipality,
            contact=contact.strip(),
            recorded_by=_by(user),
        )


def add_vacancy(
    user,
    employer: Employer,
    *,
    title: str,
    municipality: Municipality,
    published_on: dt.date,
    apply_by: dt.date,
    assignment_date: dt.date,
    assignment_text: str,
    today: dt.date,
) -> Vacancy:
    """Record a vacancy from the employer's assignment (L1269 s. 10 mom 1 p6), open."""
    if not can(user, "employers.view", employer, today):
        raise Refused(None, NOT_YOUR_PLACE)
    if not can(user, "employers.manage", Vacancy(employer=employer, municipality=municipality), today):
        raise Refused("municipality", NOT_YOUR_PLACE)
    title, assignment_text = (title or "").strip(), (assignment_text or "").strip()
    if not title:
        raise Refused("title", NEEDS_TITLE)
    if not assignment_text:
        raise Refused("assignment_text", NEEDS_ASSIGNMENT)
    _not_future("assignment_date", assignment_date, today)
    if assignment_date > published_on:
        raise Refused("assignment_date", ASSIGNMENT_AFTER_PUBLISHED)
    if apply_by < published_on:
        raise Refused("apply_by", APPLY_BEFORE_PUBLISHED)
    with transaction.atomic():
        return Vacancy.objects.create(
            employer=employer,
            title=title,
            municipality=municipality,
            published_on=published_on,
            apply_by=apply_by,
            assignment_date=assignment_date,
            assignment_text=assignment_text,
            recorded_by=_by(user),
        )


def set_vacancy_status(user, vacancy: Vacancy, *, status: str, today: dt.date) -> Vacancy:
    if not can(user, "employers.manage", vacancy, today):
        raise Refused(None, NOT_YOUR_PLACE)
    if status not in VacancyStatus.values:
        raise Refused("status", UNKNOWN_STATUS)
    with transaction.atomic():
        vacancy.status = status
        vacancy.save(update_fields=["status"])
        return vacancy


# --- consents and presentations ---------------------------------------------------------------------


def record_consent(
    user,
    person: Person,
    *,
    given_on: dt.date,
    document: str,
    scope: str,
    employer: Employer | None = None,
    today: dt.date,
) -> PresentationConsent:
    """Store the job seeker's written consent to be presented to employers (all, or one)."""
    if not can(user, "employers.record_consent", person, today):
        raise Refused(None, NOT_YOURS)
    _not_future("given_on", given_on, today)
    document = (document or "").strip()
    if not document:
        raise Refused("document", NEEDS_DOCUMENT)
    if scope not in ConsentScope.values:
        raise Refused("scope", UNKNOWN_SCOPE)
    if scope == ConsentScope.ONE and employer is None:
        raise Refused("employer", NEEDS_EMPLOYER)
    if scope == ConsentScope.ALL and employer is not None:
        raise Refused("employer", NO_EMPLOYER_FOR_ALL)
    if employer is not None and not can(user, "employers.view", employer, today):
        raise Refused("employer", NOT_YOUR_PLACE)
    with transaction.atomic():
        return PresentationConsent.objects.create(
            person=person,
            given_on=given_on,
            written=True,
            document=document,
            scope=scope,
            employer=employer,
            recorded_by=_by(user),
        )


def withdraw_consent(user, consent: PresentationConsent, *, withdrawn_on: dt.date, today: dt.date):
    """The job seeker withdrew the consent on `withdrawn_on`: it covers no presentation from that day."""
    if not can(user, "employers.record_consent", consent.person, today):
        raise Refused(None, NOT_YOURS)
    if consent.withdrawn_on is not None:
        raise Refused("withdrawn_on", Formatted(ALREADY_WITHDRAWN, on=_date(consent.withdrawn_on)))
    _not_future("withdrawn_on", withdrawn_on, today)
    if withdrawn_on < consent.given_on:
        raise Refused("withdrawn_on", Formatted(WITHDRAWN_BEFORE_GIVEN, on=_date(consent.given_on)))
    with transaction.atomic():
        consent.withdrawn_on = withdrawn_on
        consent.save(update_fields=["withdrawn_on"])
        return consent


def present(user, vacancy: Vacancy, persons: list[Person], *, today: dt.date) -> list[Presentation]:
    """Present job seekers to the vacancy's employer today: each needs a stored written consent valid today
    for that employer. All or nothing: one refusal presents no one."""
    if not can(user, "employers.view", vacancy, today):
        raise Refused(None, NOT_YOUR_PLACE)
    if vacancy.status != VacancyStatus.OPEN:
        raise Refused(None, VACANCY_NOT_OPEN)
    if not persons:
        raise Refused("persons", NO_CANDIDATES)
    employer = vacancy.employer
    chosen = []
    for person in persons:
        if not can(user, "employers.present", person, today):
            raise Refused("persons", NOT_YOURS)
        if vacancy.presentations.filter(person=person).exists():
            raise Refused("persons", Formatted(ALREADY_PRESENTED, name=person.full_name))
        consent = valid_consent(person, employer, today)
        if consent is None:
            raise Refused(
                "persons",
                Formatted(NO_CONSENT, name=person.full_name, employer=employer.name, on=_date(today)),
            )
        chosen.append((person, consent))
    with transaction.atomic():
        return [
            Presentation.objects.create(
                vacancy=vacancy, person=person, presented_on=today, presented_by=_by(user), consent=consent
            )
            for person, consent in chosen
        ]


# --- job offers ---------------------------------------------------------------------------------------


def make_offer(
    user,
    person: Person,
    *,
    offered_on: dt.date,
    apply_by: dt.date,
    offered_by: str,
    vacancy: Vacancy | None = None,
    job: str = "",
    today: dt.date,
) -> JobOffer:
    """Record a job offer (työtarjous) to the job seeker: a vacancy or a job described in free text."""
    if not can(user, "employers.record_offer", person, today):
        raise Refused(None, NOT_YOURS)
    if offered_by not in OfferedBy.values:
        raise Refused("offered_by", UNKNOWN_OFFERED_BY)
    job = (job or "").strip()
    if vacancy is None and not job:
        raise Refused("job", NEEDS_JOB)
    if vacancy is not None and not can(user, "employers.view", vacancy, today):
        raise Refused("vacancy", NOT_YOUR_PLACE)
    _not_future("offered_on", offered_on, today)
    if apply_by < offered_on:
        raise Refused("apply_by", APPLY_BY_BEFORE_OFFER)
    row = customerships.municipal_customership(person, offered_on)
    if row is None or row.municipality is None:
        raise Refused("offered_on", NOT_A_CUSTOMER)
    with transaction.atomic():
        return JobOffer.objects.create(
            person=person,
            vacancy=vacancy,
            job=job,
            offered_on=offered_on,
            apply_by=apply_by,
            offered_by=offered_by,
            municipality=row.municipality,
            recorded_by=_by(user),
        )


@dataclass(frozen=True)
class RecordedOutcome:
    """The offer as recorded and, for a refusal (refused, or no answer), the rule's answer on its date:
    `judgement.result["counts"]` and the explanation in `judgement.checks`; None otherwise."""

    offer: JobOffer
    judgement: RuleOutcome | None


def judge(offer: JobOffer) -> RuleOutcome | None:
    """The rule `job-offer-refusal` on a recorded refusal (None for other outcomes)."""
    if offer.outcome not in REFUSALS or offer.outcome_on is None:
        return None
    facts = {
        "offered_by": offer.offered_by,
        "outcome": offer.outcome,
        "offered_on": offer.offered_on,
        "apply_by": offer.apply_by,
    }
    return refusal_counts(facts, initial_interview_before(offer.person, offer.offered_on), offer.outcome_on)


def record_outcome(
    user, offer: JobOffer, *, outcome: str, outcome_on: dt.date, refusal_reason: str = "", today: dt.date
) -> RecordedOutcome:
    """Record the offer's outcome; a refusal or no answer is judged by the rule on its date (R-SP-8: the
    caller passes a counting refusal on as a benefit event)."""
    if not can(user, "employers.record_offer", offer.person, today):
        raise Refused(None, NOT_YOURS)
    if outcome not in Outcome.values:
        raise Refused("outcome", UNKNOWN_OUTCOME)
    _not_future("outcome_on", outcome_on, today)
    if outcome_on < offer.offered_on:
        raise Refused("outcome_on", Formatted(OUTCOME_BEFORE_OFFER, on=_date(offer.offered_on)))
    if outcome == Outcome.NO_ANSWER and outcome_on <= offer.apply_by:
        raise Refused("outcome_on", Formatted(NO_ANSWER_TOO_EARLY, on=_date(offer.apply_by)))
    refusal_reason = (refusal_reason or "").strip()
    if outcome == Outcome.REFUSED and not refusal_reason:
        raise Refused("refusal_reason", REFUSAL_NEEDS_REASON)
    with transaction.atomic():
        offer.outcome, offer.outcome_on = outcome, outcome_on
        offer.refusal_reason = refusal_reason if outcome == Outcome.REFUSED else ""
        offer.save(update_fields=["outcome", "outcome_on", "refusal_reason"])
        judgement = judge(offer)
        if judgement is not None:
            _benefit_event(user, offer, judgement)
        return RecordedOutcome(offer, judgement)


def _benefit_event(user, offer: JobOffer, judgement: RuleOutcome) -> None:
    """A refused or unanswered offer reaches whoever decides the benefit (R-SP-8): the statements app records
    the event with this rule's answer whether it counts, and creates the notice or reminder it calls for."""
    interview = initial_interview_before(offer.person, offer.offered_on)
    facts = {
        "counts": judgement.result["counts"],
        "initial_interview": interview.isoformat() if interview else None,
        "description": offer.refusal_reason or offer.get_outcome_display(),
    }
    try:
        record_event(
            offer.person,
            "job_offer_refused",
            offer.outcome_on,
            source=f"job_offer:{offer.pk}",
            facts=facts,
            by=user,
        )
    except ValidationError as error:
        raise Refused("outcome_on", error.messages[0]) from error
