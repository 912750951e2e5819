"""Changing job seekers' data (R-TG-1): corrections keep the history; the catalogue is asked again here."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kuntakokeilu.access.actions import can

from . import worklist
from .models import Fact


@transaction.atomic
def correct_fact(
    actor,
    fact: Fact,
    *,
    valid_from: dt.date,
    values: dict,
    reason: str,
    on: dt.date,
    reported_on: dt.date | None = None,
) -> Fact:
    """Replace a current fact by a corrected one: the old row stays, marked superseded; the new row
    `corrects` it and carries the reason. `values` holds the value fields (municipality, code, flag,
    date_value, end_date) of the fact's kind. `reported_on` (issue 14): the day the change was reported,
    not after `on`; default `on`."""
    fact = Fact.objects.select_for_update().select_related("person").get(pk=fact.pk)
    if not can(actor, "customers.correct_fact", fact.person, on):
        raise PermissionDenied
    if fact.superseded:
        raise ValidationError(_("This fact has already been corrected; correct the newer row."))
    if reported_on is not None and reported_on > on:
        raise ValidationError({"reported_on": _("The report day cannot be in the future.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the correction.")})
    new = Fact(
        person=fact.person,
        kind=fact.kind,
        valid_from=valid_from,
        reported_on=max(valid_from, reported_on or on),  # issue 14: the window counts from the report
        recorded_by=actor,
        source="correction",
        reason=reason.strip(),
        corrects=fact,
        **values,
    )
    if new.valid_from == fact.valid_from and new.same_value(fact):
        raise ValidationError(_("The correction changes nothing."))
    clash = fact.person.facts.current().filter(kind=fact.kind, valid_from=valid_from).exclude(pk=fact.pk)
    if clash.exists():
        raise ValidationError({"valid_from": _("Another fact of this kind already starts on this date.")})
    if new.end_date is not None and new.end_date < new.valid_from:
        raise ValidationError({"end_date": _("The end cannot be before the start.")})
    fact.superseded = True
    fact.save(update_fields=["superseded"])
    new.save()
    # The corrected dates are reported changes: due transfers follow them (R-TG-4, customers/worklist.py).
    worklist.evaluate_changes(
        fact.person, worklist.event_dates([fact, new]), actor=actor, reported=worklist.report_dates([new])
    )
    return new
