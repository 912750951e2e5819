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

From 1.1.2025 (`transfers.employment_areas_from`) the TE offices no longer exist: the TE2024 reform (Act
380/2023) made the public employment services the task of the municipalities' employment areas, and matters
pending with a trial municipality pass to the new employment authority (V383 s. 7, law notes §7.3). On and
after that day each customer passes to the employment area of their kotikunta (with temporary protection and
no kotikunta: the residence; with no place in the register: the trial municipality) as the reference data
(`regions.EmploymentArea`, file `regions/data/employment_areas.csv`) has it on the day. All or nothing: with
no employment area loaded the batch is refused naming the file, and a customer whose municipality has no
area loaded refuses the whole batch, naming every such municipality and the file. Before that day (a pilot
ended earlier under another law) the customers return to the TE office, as L421 s. 25 says.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kuntakokeilu.regions.models import EmploymentArea, EmploymentAreaMember, Municipality, valid_on_q
from kuntakokeilu.regions.queries import municipality_histories, te_office_of
from kuntakokeilu.rules.outcome import Outcome
from kuntakokeilu.rules.parameters import NoParameterValue, ParameterStore, default_store
from kuntakokeilu.rules.registry import get_rule

from . import bulk, worklist
from .customerships import CHUNK, ONE_DAY, BatchRow, OrganisationFields, start_batch
from .models import Customership, DueTransfer, Ground, Responsible
from .queries import facts_on
from .target_group import decide

EMPLOYMENT_AREAS_FILE = "regions/data/employment_areas.csv"  # loaded by `load_reference_data`


@dataclass
class PilotEndSummary:
    """Per trial area: the customers returned, by the TE office (or employment area) they pass to (its
    code); `to_employment_areas` when they passed to the employment areas (Act 380/2023)."""

    areas: dict[int, Counter] = field(default_factory=lambda: defaultdict(Counter))
    to_employment_areas: bool = False
    missing: set[str] = field(default_factory=set)  # kunta codes with no employment area loaded

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
    areas = employment_areas_on(on, params)
    rule = get_rule("target-group")
    version = rule.rule_version(params)
    places = municipality_histories()
    summary = PilotEndSummary(to_employment_areas=areas is not None)
    organisations = OrganisationFields()
    municipalities = {m.pk: m for m in Municipality.objects.all()}  # by id, for the facts read as rows
    with transaction.atomic(), bulk.collector_paused():
        rows = list(open_customerships(on).select_for_update(of=("self",)).order_by("person_id"))
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            _chunk(
                chunk, on, params, places, version, rule.name, summary, organisations, municipalities, areas
            )
            if progress:
                progress(start + len(chunk), len(rows))
        if summary.missing:  # all or nothing: the transaction is rolled back
            raise ValidationError(
                _(
                    "No employment area is loaded for %(municipalities)s on %(on)s: add the area to "
                    "%(file)s with its source and run load_reference_data. Nothing was transferred."
                )
                % {
                    "municipalities": ", ".join(
                        f"{m.name_in(get_language())} ({m.code})"
                        for m in Municipality.objects.filter(code__in=summary.missing).order_by("code")
                    ),
                    "on": date_format(on, "SHORT_DATE_FORMAT"),
                    "file": EMPLOYMENT_AREAS_FILE,
                }
            )
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
    areas=None,
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
        if areas is not None:  # from 1.1.2025: the employment area of the person's municipality
            code = given["kotikunta"] or given["residence"] or held.municipality.code
            if code not in areas:
                summary.missing.add(code)
                continue
            responsible = {"type": "employment_area", "area_code": areas[code]}
        outcomes.append(Outcome(rule_name, version, on, decision.result, decision.status, decision.checks))
        fields = organisations(responsible)
        area = places[held.municipality.code].trial.area_no
        summary.areas[area][_code(fields)] += 1
        rows.append(BatchRow(held.person_id, person, fields))
    if summary.missing:
        return  # the batch is refused after every chunk is read, naming every municipality at fault
    start_batch(rows, on, Ground.PILOT_ENDED, outcomes, params, previous)


def _code(fields: dict) -> str:
    if fields["employment_area"]:
        return fields["employment_area"].code
    return fields["te_office"].code if fields["te_office"] else fields["responsible"]


def employment_areas_on(on: dt.date, params: ParameterStore) -> dict[str, str] | None:
    """{kunta code: employment area code} on `on` when the customers pass to the employment areas
    (`transfers.employment_areas_from`), else None. Refused, naming the file, when no area is loaded."""
    try:
        start = params.get("transfers.employment_areas_from", on)
    except NoParameterValue:
        return None
    if on < start.value:
        return None
    if not EmploymentArea.objects.exists():
        raise ValidationError(
            _(
                "From %(from)s the customers pass to the employment areas (%(ref)s), but no employment "
                "area is loaded: add the file %(file)s and run load_reference_data. Nothing was transferred."
            )
            % {
                "from": date_format(start.value, "SHORT_DATE_FORMAT"),
                "ref": start.reference,
                "file": EMPLOYMENT_AREAS_FILE,
            }
        )
    members = EmploymentAreaMember.objects.filter(valid_on_q(on), valid_on_q(on, "area__"))
    return dict(members.values_list("municipality__code", "area__code"))


def _office_of(kunta_code: str, on: dt.date) -> dict:
    """The TE office of the customer's municipality, when the register holds no place of the person."""
    office = te_office_of(kunta_code, on)
    return {"type": "te_office", "te_office_code": office.code} if office else {}
