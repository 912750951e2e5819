"""Customerships (R-TG-3): who is responsible for a job seeker from which date to which date, on which
ground, and the rule's decision behind it. Each new customership issues its notices (R-TG-7).

Two writers, and no other, begin customerships. `start` begins one person's: it locks the person, closes
the open one the day before and never lets two overlap (the invariant; the database adds "at most one
open" and "one per start date"); a customership that would change nothing (the same organisation already
responsible) is not recorded again, so re-runs are harmless. `start_batch` begins many at once for the
batch paths (the initial transfer, the pilot's end), which have checked the same invariant in bulk: it
closes the rows they replace, inserts the new ones and their notices through `bulk.insert` (one COPY on
PostgreSQL). The decision is stored as a compact record (`rules.storage.save_records`) and read back with
`explanation`, to be rendered in any language as it was decided.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kuntakokeilu.regions.models import EmploymentArea, Municipality, TeOffice
from kuntakokeilu.rules.outcome import Outcome
from kuntakokeilu.rules.parameters import ParameterStore
from kuntakokeilu.rules.storage import load_record, save_records

from . import bulk, notices
from .models import REQUEST_GROUNDS, Customership, Ground, Notice, Person, RequestReason, Responsible

ONE_DAY = dt.timedelta(days=1)
# The batch paths' chunk, and what differs between the rows of one chunk (bulk.py: the rest is the same).
CHUNK = 2000
CUSTOMERSHIP_FIELDS = (
    "person_id",
    "responsible",
    "municipality_id",
    "te_office_id",
    "employment_area_id",
    "decision",
    "rule_version",
)
NOTICE_FIELDS = ("customership_id", "recipient", "language", "data")


def responsible_fields(responsible: dict | None) -> dict:
    """The model fields for the rule's `responsible` answer ({"type", "kunta_code" | "te_office_code"}),
    or for an employment area at the pilot's end ({"type": "employment_area", "area_code"})."""
    none = {"municipality": None, "te_office": None, "employment_area": None}
    if not responsible:
        return {"responsible": Responsible.NONE, **none}
    kind = responsible["type"]
    if kind == "municipality":
        municipality = Municipality.objects.get(code=responsible["kunta_code"])
        return {"responsible": Responsible.MUNICIPALITY, **none, "municipality": municipality}
    if kind == "te_office":
        office = TeOffice.objects.get(code=responsible["te_office_code"])
        return {"responsible": Responsible.TE_OFFICE, **none, "te_office": office}
    if kind == "aland":
        return {"responsible": Responsible.ALAND, **none}
    if kind == "employment_area":
        area = EmploymentArea.objects.get(code=responsible["area_code"])
        return {"responsible": Responsible.EMPLOYMENT_AREA, **none, "employment_area": area}
    raise ValueError(f"unknown responsible type {kind!r}")


def same_organisation(customership: Customership, fields: dict) -> bool:
    return (
        customership.responsible,
        customership.municipality_id,
        customership.te_office_id,
        customership.employment_area_id,
    ) == (
        fields["responsible"],
        fields["municipality"].pk if fields["municipality"] else None,
        fields["te_office"].pk if fields["te_office"] else None,
        fields["employment_area"].pk if fields["employment_area"] else None,
    )


def on_date(customerships: list[Customership], on: dt.date) -> Customership | None:
    return next((c for c in customerships if c.covers(on)), None)


def current(person: Person, on: dt.date) -> Customership | None:
    return on_date(list(person.customerships.select_related("municipality")), on)


def municipal_customership(person: Person, on: dt.date) -> Customership | None:
    """The person's trial-municipality customership on `on`, if any."""
    held = current(person, on)
    return held if held is not None and held.responsible == Responsible.MUNICIPALITY else None


def rule_input(customership: Customership | None) -> dict | None:
    """The target-group rule's `current_customership` ({"type", "kunta_code", "since"}) or None."""
    if customership is None or customership.responsible not in (
        Responsible.MUNICIPALITY,
        Responsible.TE_OFFICE,
    ):
        return None
    code = customership.municipality.code if customership.municipality_id else None
    return {"type": customership.responsible, "kunta_code": code, "since": customership.valid_from}


def _check_request(ground: str, reason: str, accepted_on: dt.date | None, on: dt.date) -> None:
    if ground in REQUEST_GROUNDS:
        if reason not in RequestReason.values:
            raise ValidationError(
                {
                    "request_reason": _(
                        "A transfer on the person's request needs one of the reasons of the Act."
                    )
                }
            )
    elif reason:
        raise ValidationError({"request_reason": _("Only a transfer on the person's request has a reason.")})
    if ground == Ground.REQUEST_TO_MUNICIPALITY and (accepted_on is None or accepted_on > on):
        raise ValidationError(
            {
                "accepted_on": _(
                    "A transfer to another trial municipality needs the receiving municipality's "
                    "acceptance, given no later than the transfer."
                )
            }
        )
    if ground != Ground.REQUEST_TO_MUNICIPALITY and accepted_on is not None:
        raise ValidationError(
            {"accepted_on": _("Only a transfer to another trial municipality is accepted.")}
        )


@transaction.atomic
def start(
    person: Person,
    *,
    on: dt.date,
    ground: str,
    outcome: Outcome | None,
    responsible: dict | None = None,
    actor=None,
    request_reason: str = "",
    accepted_on: dt.date | None = None,
    params: ParameterStore | None = None,
) -> tuple[Customership, bool]:
    """Make the organisation the decision names (or `responsible`, when given: a request, the pilot's
    end) responsible from `on`. Returns (customership, created); an unchanged organisation is not
    recorded again. Refuses to rewrite history: nothing may start on or after `on`, and no closed
    customership may reach `on`."""
    if ground not in Ground.values:
        raise ValidationError({"ground": _("Unknown ground of a customership.")})
    _check_request(ground, request_reason, accepted_on, on)
    if outcome is not None and outcome.on != on:
        raise ValidationError(_("The decision was made for another date than the transfer."))
    if responsible is None:
        if outcome is None:
            raise ValueError("start() needs the rule's outcome or the responsible organisation")
        responsible = outcome.result["responsible"]
    fields = responsible_fields(responsible)
    Person.objects.select_for_update().get(pk=person.pk)  # one writer per person
    rows = list(person.customerships.select_for_update())
    open_row = next((c for c in rows if c.valid_to is None), None)
    if open_row is not None and open_row.valid_from <= on and same_organisation(open_row, fields):
        return open_row, False
    if any(c.valid_from >= on or (c.valid_to is not None and c.valid_to >= on) for c in rows):
        raise ValidationError(_("The person has a customership on or after %(on)s already.") % {"on": on})
    if open_row is not None:
        open_row.valid_to = on - ONE_DAY
        open_row.save(update_fields=["valid_to"])
    created = Customership.objects.create(
        person=person,
        valid_from=on,
        ground=ground,
        request_reason=request_reason,
        accepted_on=accepted_on,
        rule_version=outcome.rule_version if outcome else "",
        decision=save_records([outcome], params)[0] if outcome else None,
        recorded_by=actor,
        **fields,
    )
    notices.issue(created, open_row)
    return created, True


class BatchRow:
    """A customership a batch path begins, without a model instance: the fields that differ between the
    rows of a batch (`CUSTOMERSHIP_FIELDS`), and what its notices read (`notices.rows`). The fields that
    are the same in every row come from `start_batch`'s template."""

    __slots__ = (
        *CUSTOMERSHIP_FIELDS,
        "person",
        "municipality",
        "te_office",
        "employment_area",
        "pk",
        "valid_from",
        "ground",
    )
    request_reason = ""
    accepted_on = None

    def __init__(self, person_id, person, organisation: dict) -> None:
        self.person_id, self.person = person_id, person  # `person`: its service_language
        self.responsible = organisation["responsible"]
        self.municipality, self.te_office = organisation["municipality"], organisation["te_office"]
        self.municipality_id = self.municipality.pk if self.municipality else None
        self.te_office_id = self.te_office.pk if self.te_office else None
        self.employment_area = organisation["employment_area"]
        self.employment_area_id = self.employment_area.pk if self.employment_area else None


def start_batch(
    rows: list[BatchRow],
    on: dt.date,
    ground: str,
    outcomes: list[Outcome],
    params: ParameterStore,
    previous: list[Customership] = (),
) -> None:
    """Begin the customerships `rows` (one per person, all starting on `on` on `ground`, decided by
    `outcomes` with `params`) in bulk, closing the open rows `previous` they replace the day before, and
    issue their notices. The caller holds the transaction and has checked that nothing starts on or after
    `on` for these persons."""
    for row, record in zip(rows, save_records(outcomes, params), strict=True):
        row.decision, row.rule_version = record, record["version"]
        row.valid_from, row.ground = on, ground
    for row in previous:
        row.valid_to = on - ONE_DAY  # the notices name the day the former customership ended
    if previous:
        Customership.objects.filter(pk__in=[p.pk for p in previous]).update(valid_to=on - ONE_DAY)
    template = Customership(valid_from=on, ground=ground)
    bulk.insert(Customership, rows, CUSTOMERSHIP_FIELDS, template=template)
    ids = [row.person_id for row in rows]
    saved = dict(Customership.objects.filter(valid_from=on, person_id__in=ids).values_list("person_id", "pk"))
    for row in rows:
        row.pk = saved[row.person_id]  # one row per person and start (the constraint)
    before = {p.person_id: p for p in previous}
    notice_rows = [n for row in rows for n in notices.rows(row, before.get(row.person_id))]
    bulk.insert(Notice, notice_rows, NOTICE_FIELDS, template=Notice())


class OrganisationFields:
    """`responsible_fields` looked up once per organisation in a batch."""

    def __init__(self) -> None:
        self._found: dict[tuple, dict] = {}

    def __call__(self, responsible: dict | None) -> dict:
        responsible = responsible or {}
        key = (
            responsible.get("type"),
            responsible.get("kunta_code"),
            responsible.get("te_office_code"),
            responsible.get("area_code"),
        )
        if key not in self._found:
            self._found[key] = responsible_fields(responsible or None)
        return self._found[key]


def explanation(customership: Customership) -> Outcome | None:
    """The decision as it was made (render its checks' messages in any language)."""
    return load_record(customership.decision) if customership.decision else None


def timeline(person: Person) -> list[Customership]:
    return list(
        person.customerships.select_related("municipality", "te_office", "employment_area", "recorded_by")
    )
