"""The pilot's end (R-TG-6; L1269 s. 25 as amended by L421/2021, law notes §7.3): on the day after the
pilot's last day (`pilot.end_date`), every customer of a trial municipality returns to the competent TE
office of their place, with their plans — the plan in force binds the customer and the TE office until
the TE office reviews it (the notice of ground `pilot_ended` says so).

The target-group rule is run for each customer on that day: it finds the pilot over and names the TE
office of the person's place, and its outcome is stored as the customership's explanation. Where the
register holds no place, the TE office of the customer's municipality is used, with the same outcome.
Like the initial transfer (`transfers.initial`) this is one batch in one transaction, in chunks, written
by `customerships.start_batch`; persons with no open trial-municipality customership are untouched, so a
re-run changes nothing.

From 1.1.2025 the TE2024 reform (Act 380/2023) moved employment services to the municipalities'
employment areas; the system does not model them yet. The Act's own rule (L421 s. 25) names the TE office.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kuntakokeilu.regions.models import Municipality
from kuntakokeilu.regions.queries import municipality_histories, te_office_of
from kuntakokeilu.rules.outcome import Outcome
from kuntakokeilu.rules.parameters import NoParameterValue, ParameterStore, default_store
from kuntakokeilu.rules.registry import get_rule

from . import bulk, worklist
from .customerships import CHUNK, ONE_DAY, BatchRow, OrganisationFields, start_batch
from .models import Customership, DueTransfer, Ground, Responsible
from .queries import facts_on
from .target_group import decide


@dataclass
class PilotEndSummary:
    """Per trial area: the customers returned, by the TE office they return to (its code)."""

    areas: dict[int, Counter] = field(default_factory=lambda: defaultdict(Counter))

    @property
    def returned(self) -> int:
        return sum(sum(c.values()) for c in self.areas.values())


def return_day(params: ParameterStore, on: dt.date) -> dt.date | None:
    """The day after the pilot's last day as the law in force the day before `on` gives it."""
    try:
        return params.get("pilot.end_date", on - ONE_DAY).value + ONE_DAY
    except NoParameterValue:
        return None


def check_date(on: dt.date, params: ParameterStore) -> None:
    day = return_day(params, on)
    if day != on:
        raise ValidationError(
            _(
                "The customers return to the TE offices on the day after the pilot's end (%(day)s), "
                "not on %(on)s."
            )
            % {
                "day": date_format(day, "SHORT_DATE_FORMAT") if day else "–",
                "on": date_format(on, "SHORT_DATE_FORMAT"),
            }
        )


def open_customerships(on: dt.date):
    """The trial municipalities' customerships open on the day before `on`."""
    return Customership.objects.filter(
        responsible=Responsible.MUNICIPALITY, valid_to__isnull=True, valid_from__lt=on
    ).select_related("municipality")


def return_customers(on: dt.date, params: ParameterStore | None = None, progress=None) -> PilotEndSummary:
    """Return every trial municipality's customer to the TE office on `on` (the day after the pilot's
    end; any other date is refused). One transaction; `progress(done, total)` after each chunk."""
    params = params or default_store()
    check_date(on, params)
    rule = get_rule("target-group")
    version = rule.rule_version(params)
    places = municipality_histories()
    summary = PilotEndSummary()
    organisations = OrganisationFields()
    municipalities = {m.pk: m for m in Municipality.objects.all()}  # by id, for the facts read as rows
    with transaction.atomic(), bulk.collector_paused():
        rows = list(open_customerships(on).select_for_update(of=("self",)).order_by("person_id"))
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            _chunk(chunk, on, params, places, version, rule.name, summary, organisations, municipalities)
            if progress:
                progress(start + len(chunk), len(rows))
        # Pending matters pass to the TE office (L421 s. 25): no transfer is due, and no request is open.
        DueTransfer.objects.open().update(cancelled_on=on)
        worklist.lapse_requests(Q())
    return summary


def _chunk(
    previous: list[Customership],
    on,
    params,
    places,
    version,
    rule_name,
    summary,
    organisations,
    municipalities,
):
    ids = [row.person_id for row in previous]
    persons, facts = bulk.read_persons(ids, municipalities)
    rows: list[BatchRow] = []
    outcomes: list[Outcome] = []
    for held in previous:
        person = persons[held.person_id]
        given = facts_on(person, on, facts[held.person_id], customerships=[held])
        decision = decide(given, on, params, places)
        pilot = next(c for c in decision.checks if c.code == "pilot_period")
        if pilot.status == "pass":  # check_date makes this impossible; never transfer while it runs
            raise ValidationError(_("The pilot is still running on %(on)s.") % {"on": on})
        responsible = decision.result["responsible"] or _office_of(held.municipality.code, on)
        outcomes.append(Outcome(rule_name, version, on, decision.result, decision.status, decision.checks))
        fields = organisations(responsible)
        area = places[held.municipality.code].trial.area_no
        summary.areas[area][fields["te_office"].code if fields["te_office"] else fields["responsible"]] += 1
        rows.append(BatchRow(held.person_id, person, fields))
    start_batch(rows, on, Ground.PILOT_ENDED, outcomes, params, previous)


def _office_of(kunta_code: str, on: dt.date) -> dict:
    """The TE office of the customer's municipality, when the register holds no place of the person."""
    office = te_office_of(kunta_code, on)
    return {"type": "te_office", "te_office_code": office.code} if office else {}
