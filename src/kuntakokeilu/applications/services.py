"""Use cases of the applications app that write (R-APP-2, R-APP-5), each in one transaction.

Every change is recorded in the application's append-only history (who, when, what changed). Services ask
the catalogue again for the object they change. Screening runs the registered rule `application-screening`
on the round's applications together, as the console does with a file (R-APP-6).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from kuntakokeilu.access.actions import can
from kuntakokeilu.regions.models import Municipality, RegionalMembership, TrialArea, TrialAreaMember
from kuntakokeilu.regions.models import Round as JoinedIn
from kuntakokeilu.rules.console import run_items
from kuntakokeilu.rules.outcome import Outcome
from kuntakokeilu.rules.parameters import ParameterStore, default_store
from kuntakokeilu.rules.registry import get_rule

from . import screening
from .models import (
    SCREENED_STATUSES,
    Application,
    ApplicationEvent,
    ApplicationStatus,
    EventKind,
    Round,
    RoundState,
    Selection,
    SelectionDecision,
)
from .queries import screening_data
from .rules import NAME
from .selection import summarise

EDITABLE = (ApplicationStatus.DRAFT, ApplicationStatus.SUPPLEMENT_REQUESTED)
FIRST_NEW_AREA_NUMBER = 26
FORM_FIELDS = (
    "name",
    "lead",
    "municipalities",
    "extends_area",
    "extension_consent",
    "estimated_customers",
    "own_resourcing_eur",
    "own_resourcing_person_years",
    "lms_expenditure_2018_eur",
    "service_model",
    "cooperation_structure",
    "division_of_work",
    "negotiated_with_ely_on",
    "negotiated_with_te_office_on",
    "premises",
    "justification",
)


def _plain(value):
    if isinstance(value, Municipality):
        return value.code
    if isinstance(value, TrialArea):
        return value.number
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "all"):
        return sorted(m.code for m in value.all())
    return value


def _snapshot(application: Application) -> dict:
    if application.pk is None:
        return {}
    return {name: _plain(getattr(application, name)) for name in FORM_FIELDS}


def _record(application, user, on, kind, changes=None, note="") -> ApplicationEvent:
    return ApplicationEvent.objects.create(
        application=application, by=user, on=on, kind=kind, changes=changes or {}, note=note
    )


@transaction.atomic
def save_application(user, application: Application, data: dict, on: dt.date) -> Application:
    """Create or update a draft (incomplete is fine). `data` holds the form's fields."""
    creating = application.pk is None
    if not creating and application.status not in EDITABLE:
        raise ValidationError(
            _("A submitted application cannot be changed unless a supplement is requested.")
        )
    before = _snapshot(application)
    municipalities = data.get("municipalities") or []
    for name in FORM_FIELDS:
        if name != "municipalities" and name in data:
            setattr(application, name, data[name])
    if not can(user, "applications.apply", application, on):
        raise PermissionDenied
    if creating and not application.round.is_open_on(on):
        raise ValidationError(_("The application round is not open."))
    if creating:
        application.created_by = user
    application.save()
    application.municipalities.set(municipalities)
    after = _snapshot(application)
    changes = {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
    if creating:
        _record(application, user, on, EventKind.CREATED, changes)
    elif changes:
        _record(application, user, on, EventKind.SAVED, changes)
    return application


def application_item(application: Application) -> dict:
    """The application as one item of the rule's input (the console's shape)."""
    own = None
    if application.own_resourcing_eur is not None or application.own_resourcing_person_years is not None:
        own = {
            "eur_per_year": float(application.own_resourcing_eur or 0),
            "person_years": float(application.own_resourcing_person_years or 0),
        }
    negotiations = {
        "ely_centre": _plain(application.negotiated_with_ely_on),
        "te_office": _plain(application.negotiated_with_te_office_on),
    }
    return {
        "id": application.pk,
        "round": application.round.code,
        "name": application.name or f"#{application.pk}",
        "lead": application.lead.code,
        "municipalities": sorted(m.code for m in application.municipalities.all()),
        "extends_area": application.extends_area.number if application.extends_area else None,
        "extension_consent": application.extension_consent,
        "estimated_customers": application.estimated_customers,
        "own_resourcing": own,
        "lms_expenditure_2018_eur": application.lms_expenditure_2018_eur or None,
        "service_model": application.service_model,
        "cooperation_structure": application.cooperation_structure,
        "division_of_work": application.division_of_work,
        "negotiations": negotiations,
        "premises": application.premises,
        "justification": application.justification,
    }


def screen_round(
    round_: Round, on: dt.date, include: Application | None = None, params: ParameterStore | None = None
) -> dict[int, Outcome]:
    """The round's submitted applications (and `include`, e.g. a draft) screened together, under the law's
    parameters or `params` (an overlay: the policy what-if, `whatif.services`)."""
    applications = list(
        round_.applications.filter(status__in=SCREENED_STATUSES)
        .select_related("round", "lead", "extends_area")
        .prefetch_related("municipalities")
    )
    if include is not None and include.pk not in {a.pk for a in applications}:
        applications.append(include)
    items = [application_item(a) for a in applications if a.municipalities.exists()]
    return dict(run_items(get_rule(NAME), items, on, params))


def missing_items(application: Application, on: dt.date) -> list[str]:
    """The form items an application lacks (R-APP-2): the screening's form_complete check, by code."""
    if not application.municipalities.exists():
        item = application_item(application)
        return ["municipalities", *screening.missing_items(item, False, False, False)]
    outcome = screen_round(application.round, on, include=application)[application.pk]
    return next(c for c in outcome.checks if c.code == "form_complete").found["missing"]


@transaction.atomic
def submit_application(user, application: Application, on: dt.date) -> list[str]:
    """Submit if every required item is present; otherwise return the missing items and change nothing."""
    if not can(user, "applications.apply", application, on):
        raise PermissionDenied
    if application.status not in EDITABLE:
        raise ValidationError(_("The application has already been submitted."))
    if not application.round.is_open_on(on) and application.status == ApplicationStatus.DRAFT:
        raise ValidationError(_("The application round is not open."))
    missing = missing_items(application, on)
    if missing:
        return missing
    before = application.status
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_on = on
    application.save(update_fields=["status", "submitted_on"])
    _record(application, user, on, EventKind.SUBMITTED, {"status": [before, application.status]})
    return []


WITHDRAWABLE = (ApplicationStatus.SUBMITTED, ApplicationStatus.SUPPLEMENT_REQUESTED)


@transaction.atomic
def delete_draft(user, application: Application, on: dt.date) -> None:
    """The applicant deletes an unsubmitted draft, with its history (no one else has seen it; issue 15)."""
    if not can(user, "applications.apply", application, on):
        raise PermissionDenied
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError(_("Only a draft can be deleted; a submitted application can be withdrawn."))
    application.events.all().delete()
    application.delete()


@transaction.atomic
def withdraw(user, application: Application, on: dt.date) -> None:
    """The applicant withdraws a submitted application before the round's decision: it is no longer screened,
    ticked or selected; the application and its history stay (issue 15)."""
    if not can(user, "applications.apply", application, on):
        raise PermissionDenied
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status not in WITHDRAWABLE or application.round.state == RoundState.DECIDED:
        raise ValidationError(_("Only a submitted application of an undecided round can be withdrawn."))
    before = application.status
    application.status, application.ticked = ApplicationStatus.WITHDRAWN, False
    application.save(update_fields=["status", "ticked"])
    _record(application, user, on, EventKind.WITHDRAWN, {"status": [before, application.status]})


@transaction.atomic
def request_supplement(user, application: Application, note: str, on: dt.date) -> None:
    if not can(user, "applications.request_supplement", application, on):
        raise PermissionDenied
    if application.status != ApplicationStatus.SUBMITTED:
        raise ValidationError(_("A supplement can be requested only for a submitted application."))
    if not note.strip():
        raise ValidationError(_("Say what is to be supplemented."))
    application.status = ApplicationStatus.SUPPLEMENT_REQUESTED
    application.save(update_fields=["status"])
    changes = {"status": [ApplicationStatus.SUBMITTED, application.status]}
    _record(application, user, on, EventKind.SUPPLEMENT_REQUESTED, changes, note.strip())


@transaction.atomic
def tick(user, application: Application, ticked: bool, on: dt.date) -> None:
    if not can(user, "applications.select", application.round, on):
        raise PermissionDenied
    if application.status not in (ApplicationStatus.SUBMITTED, ApplicationStatus.SUPPLEMENT_REQUESTED):
        raise ValidationError(_("Only submitted applications can be ticked."))
    if application.ticked == ticked:
        return
    application.ticked = ticked
    application.save(update_fields=["ticked"])
    _record(
        application,
        user,
        on,
        EventKind.TICKED if ticked else EventKind.UNTICKED,
        {"ticked": [not ticked, ticked]},
    )


@transaction.atomic
def decide_round(user, round_: Round, decided_on: dt.date, decision_maker: str, grounds: str, on: dt.date):
    """Record the round's selection decision: the ticked applications are selected, the rest not; in an
    open round each selected application creates a trial area (next free number from 26) or enlarges one."""
    if not can(user, "applications.decide", round_, on):
        raise PermissionDenied
    # Lock the round first, then judge its state: of simultaneous decisions one wins, the others are told.
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    if round_.state != RoundState.OPEN:
        raise ValidationError(_("The round has already been decided."))
    if not grounds.strip() or not decision_maker.strip():
        raise ValidationError(_("Give the decision-maker and the grounds."))
    candidates = list(
        round_.applications.filter(
            status__in=(ApplicationStatus.SUBMITTED, ApplicationStatus.SUPPLEMENT_REQUESTED)
        )
    )
    chosen = [a for a in candidates if a.ticked]
    if not chosen:
        raise ValidationError(_("Tick at least one application to select."))
    outcomes = screen_round(round_, on)
    refused = [a for a in chosen if not outcomes[a.pk].result["eligible"]]
    if refused:
        names = ", ".join(a.name or f"#{a.pk}" for a in refused)
        raise ValidationError(
            _("These applications do not meet the conditions and cannot be selected: %(names)s")
            % {"names": names}
        )
    decision = SelectionDecision.objects.create(
        round=round_,
        decided_on=decided_on,
        decided_by=user,
        decision_maker=decision_maker.strip(),
        grounds=grounds.strip(),
    )
    for application in candidates:
        selected = application in chosen
        if selected:
            _select(application, decision, outcomes[application.pk])
        before = application.status
        application.status = ApplicationStatus.SELECTED if selected else ApplicationStatus.NOT_SELECTED
        application.save(update_fields=["status"])
        kind = EventKind.SELECTED if selected else EventKind.NOT_SELECTED
        _record(
            application, user, on, kind, {"status": [before, application.status]}, f"decision {decision.pk}"
        )
    round_.state = RoundState.DECIDED
    round_.save(update_fields=["state"])
    return decision


def _select(application: Application, decision: SelectionDecision, outcome: Outcome) -> None:
    new_members = list(application.municipalities.all())
    if application.extends_area is not None:
        area = application.extends_area
    else:
        number = max(TrialArea.objects.aggregate(n=Max("number"))["n"] or 0, FIRST_NEW_AREA_NUMBER - 1) + 1
        membership = RegionalMembership.objects.valid_on(application.round.planned_pilot_start).get(
            municipality=application.lead
        )
        name = application.name or application.lead.name_fi
        area = TrialArea.objects.create(
            number=number,
            name_fi=name,
            name_sv=application.name or application.lead.name_sv,
            name_en=name,
            ely=membership.ely,
            te_office=membership.te_office,
        )
    position = area.members.aggregate(p=Max("position"))["p"] or 0
    for offset, municipality in enumerate(new_members, start=1):
        # the regions app knows two rounds; a later round joins as the supplementary round's members did
        TrialAreaMember.objects.create(
            trial_area=area,
            municipality=municipality,
            joined_in_round=JoinedIn.SUPPLEMENTARY,
            position=position + offset,
        )
    selection, _created = Selection.objects.get_or_create(  # two enlargements of one area share it
        round=application.round,
        trial_area=area,
        defaults={
            "enlarges": application.extends_area is not None,
            "decision": decision,
            "application": application,
        },
    )
    selection.municipalities.add(*new_members)


def selection_summary(round_: Round):
    """The selection view's figures (R-APP-5) for the applications that feed them: those ticked for
    selection while the round is open, the selected ones once it is decided."""
    if round_.state == RoundState.DECIDED:
        feeding = round_.applications.filter(status=ApplicationStatus.SELECTED)
    else:
        feeding = round_.applications.filter(ticked=True)
    ticked = [application_item(a) for a in feeding]
    return summarise(ticked, screening_data(round_.code), default_store())
