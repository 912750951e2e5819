"""The funding use cases (R-RES-1, R-RES-3, R-RES-4): each checks the catalogue again for the object it
changes, refuses bad input with a localised message (`Refused`) and writes in one transaction, so that a
refusal changes nothing. Pages, the API and the demo call these, never the models directly."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import can
from kuntakokeilu.regions.models import ElyCentre, Municipality, TrialArea
from kuntakokeilu.rules.messages import format_int

from . import rules
from .models import (
    Instrument,
    Method,
    MinistryAllocation,
    OwnResourcing,
    Quota,
    QuotaComputation,
    StatePersonYears,
    SubsidyExpenditure2018,
    SubsidyForm,
)

FIRST_YEAR, LAST_YEAR = 2021, 2024  # the pilot's years (L1269 s. 23, as extended)

NOT_ALLOWED = _("You may not do this for this ELY centre, trial area or municipality.")
BAD_YEAR = _("The year must be one of the pilot's years, 2021–2024.")
NEGATIVE = _("The amount cannot be negative.")
NO_ALLOCATION = _("The ministry has allocated nothing to the ELY centre for this instrument and year.")
NO_AREAS = _("The ELY centre has no trial areas in its area.")
NEEDS_DATE = _("Dividing by customer volume needs the date of the volumes.")
NOT_OWN_AREA = _("Trial area %(area)s is not in the ELY centre's own area.")
MISSING_AREA = _("Give an amount for every trial area of the ELY centre's area (%(area)s is missing).")
DOES_NOT_SUM = _(
    "The quotas sum to %(sum)s € but the allocation is %(total)s €: they must sum exactly "
    "(%(difference)s € to move). Nothing was saved."
)
NO_COMPUTATION = _("No quotas have been computed for this instrument and year yet.")
NEEDS_REASON = _("An adjustment needs a reason.")
NO_CHANGE = _("The amounts are those already in force: nothing to adjust.")
NOT_AREA_MUNICIPALITY = _("The municipality is not in the trial area.")
REALISED_WITHOUT_YEAR_END = _("Realised own resourcing can be recorded only from the year's beginning on.")


class Refused(Exception):
    """Input a service refuses: `field` (or None) and a translatable message with its arguments."""

    def __init__(self, field: str | None, message, **args):
        self.field, self.template, self.values = field, message, args
        super().__init__(field)

    @property
    def message(self) -> str:
        """In the language active when read."""
        values = {
            k: format_int(v, (get_language() or "fi")[:2]) if isinstance(v, int) else v
            for k, v in self.values.items()
        }
        return str(self.template) % values if values else str(self.template)

    def __str__(self) -> str:
        return self.message


def _year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Refused("year", BAD_YEAR)


def _allowed(user, code: str, obj, today: dt.date) -> None:
    if not can(user, code, obj, today):
        raise Refused(None, NOT_ALLOWED)


def allocate(
    user,
    *,
    ely: ElyCentre,
    year: int,
    instrument: str,
    amount: int,
    decided_on: dt.date,
    reference: str,
    today: dt.date,
) -> MinistryAllocation:
    """The ministry's allocation to an ELY centre (a second one for the same year and instrument replaces the
    first; quotas computed before then no longer sum and the ELY page says so)."""
    _allowed(user, "funding.allocate", ely, today)
    _year(year)
    if instrument not in Instrument.values:
        raise Refused("instrument", _("Unknown instrument."))
    if amount < 0:
        raise Refused("amount", NEGATIVE)
    with transaction.atomic():
        row, _created = MinistryAllocation.objects.update_or_create(
            year=year,
            ely=ely,
            instrument=instrument,
            defaults={
                "amount": amount,
                "decided_on": decided_on,
                "reference": reference,
                "recorded_by": user,
            },
        )
    return row


def ely_areas(ely: ElyCentre) -> list[TrialArea]:
    """The trial areas of the ELY centre's own area (training and coaching are divided only among these)."""
    return list(TrialArea.objects.filter(ely=ely).order_by("number"))


def _check_sum(amounts: dict[int, int], total: int) -> None:
    got = sum(amounts.values())
    if got != total:
        raise Refused(None, DOES_NOT_SUM, sum=got, total=total, difference=total - got)


def _amounts_for(areas: list[TrialArea], amounts: dict[int, int]) -> dict[int, int]:
    numbers = {a.number for a in areas}
    for number in amounts:
        if number not in numbers:
            raise Refused("amounts", NOT_OWN_AREA, area=number)
    for number in sorted(numbers):
        if number not in amounts:
            raise Refused("amounts", MISSING_AREA, area=number)
    if any(v < 0 for v in amounts.values()):
        raise Refused("amounts", NEGATIVE)
    return {n: amounts[n] for n in sorted(numbers)}


def compute_quotas(
    user,
    *,
    ely: ElyCentre,
    year: int,
    instrument: str,
    method: str,
    today: dt.date,
    volumes: dict[int, int] | None = None,
    volume_date: dt.date | None = None,
    amounts: dict[int, int] | None = None,
) -> QuotaComputation:
    """Divide the ELY centre's allocation among the trial areas of its own area: by the customer volumes of
    `volume_date` (`volumes`: trial area number → customers, obtained at the edge) or as `amounts` set by
    hand. The quotas must sum exactly to the allocation; otherwise nothing is saved."""
    _allowed(user, "funding.set_quotas", ely, today)
    _year(year)
    allocation = MinistryAllocation.objects.filter(ely=ely, year=year, instrument=instrument).first()
    if allocation is None:
        raise Refused("instrument", NO_ALLOCATION)
    areas = ely_areas(ely)
    if not areas:
        raise Refused(None, NO_AREAS)
    if method == Method.BY_VOLUME:
        if volume_date is None:
            raise Refused("volume_date", NEEDS_DATE)
        inputs = _amounts_for(areas, {int(k): int(v) for k, v in (volumes or {}).items()})
        result = rules.apportion(allocation.amount, inputs)
    elif method == Method.MANUAL:
        inputs = {}
        result = _amounts_for(areas, {int(k): int(v) for k, v in (amounts or {}).items()})
        volume_date = None
    else:
        raise Refused("method", _("Unknown method."))
    _check_sum(result, allocation.amount)
    by_number = {a.number: a for a in areas}
    with transaction.atomic():
        computation = QuotaComputation.objects.create(
            ely=ely,
            year=year,
            instrument=instrument,
            method=method,
            volume_date=volume_date,
            total=allocation.amount,
            inputs={str(k): v for k, v in inputs.items()},
            result={str(k): v for k, v in result.items()},
            computed_by=user,
        )
        Quota.objects.bulk_create(
            Quota(
                computation=computation, trial_area=by_number[n], year=year, instrument=instrument, amount=v
            )
            for n, v in result.items()
        )
    return computation


def current_computation(ely: ElyCentre, year: int, instrument: str) -> QuotaComputation | None:
    return QuotaComputation.objects.filter(ely=ely, year=year, instrument=instrument).first()


def adjust_quotas(
    user,
    *,
    ely: ElyCentre,
    year: int,
    instrument: str,
    amounts: dict[int, int],
    reason: str,
    today: dt.date,
) -> list[Quota]:
    """Adjust the quotas in force with a reason: money moves between the areas, the sum stays the
    allocation's. Every quota whose amount changes records the adjustment; a refusal changes nothing."""
    _allowed(user, "funding.set_quotas", ely, today)
    _year(year)
    computation = current_computation(ely, year, instrument)
    if computation is None:
        raise Refused(None, NO_COMPUTATION)
    reason = (reason or "").strip()
    if not reason:
        raise Refused("reason", NEEDS_REASON)
    allocation = MinistryAllocation.objects.filter(ely=ely, year=year, instrument=instrument).first()
    total = allocation.amount if allocation is not None else computation.total
    quotas = list(computation.quotas.select_related("trial_area"))
    wanted = _amounts_for([q.trial_area for q in quotas], {int(k): int(v) for k, v in amounts.items()})
    _check_sum(wanted, total)
    changed = [q for q in quotas if wanted[q.trial_area.number] != q.current]
    if not changed:
        raise Refused("amounts", NO_CHANGE)
    now = timezone.now()
    with transaction.atomic():
        for quota in changed:
            quota.adjusted_amount = wanted[quota.trial_area.number]
            quota.reason, quota.adjusted_by, quota.adjusted_at = reason, user, now
            quota.save(update_fields=["adjusted_amount", "reason", "adjusted_by", "adjusted_at"])
    return changed


def record_person_years(
    user, *, area: TrialArea, year: int, person_years: Decimal, source: str, today: dt.date
) -> StatePersonYears:
    """State person-years placed under the trial area's municipal direction in a year (R-RES-3)."""
    _allowed(user, "funding.record_person_years", area, today)
    _year(year)
    if person_years < 0:
        raise Refused("person_years", NEGATIVE)
    with transaction.atomic():
        row, _created = StatePersonYears.objects.update_or_create(
            trial_area=area,
            year=year,
            defaults={"person_years": person_years, "source": source, "recorded_by": user},
        )
    return row


def record_own_resourcing(
    user,
    *,
    area: TrialArea,
    municipality: Municipality,
    year: int,
    planned_eur: int,
    planned_person_years: Decimal,
    realised_eur: int | None,
    realised_person_years: Decimal | None,
    today: dt.date,
) -> OwnResourcing:
    """A municipality's planned and realised own resourcing of a year (R-RES-4)."""
    _allowed(user, "funding.record_own_funding", area, today)
    if not area.members.filter(municipality=municipality).exists():
        raise Refused("municipality", NOT_AREA_MUNICIPALITY)
    _year(year)
    for name, value in (
        ("planned_eur", planned_eur),
        ("planned_person_years", planned_person_years),
        ("realised_eur", realised_eur),
        ("realised_person_years", realised_person_years),
    ):
        if value is not None and value < 0:
            raise Refused(name, NEGATIVE)
    if (realised_eur is not None or realised_person_years is not None) and today < dt.date(year, 1, 1):
        raise Refused("realised_eur", REALISED_WITHOUT_YEAR_END)
    with transaction.atomic():
        row, _created = OwnResourcing.objects.update_or_create(
            municipality=municipality,
            year=year,
            defaults={
                "planned_eur": planned_eur,
                "planned_person_years": planned_person_years,
                "realised_eur": realised_eur,
                "realised_person_years": realised_person_years,
                "recorded_by": user,
            },
        )
    return row


# --- the 2018 expenditure as CSV: all or nothing ---

CSV_COLUMNS = ("kunta_code", "form", "amount_eur")
CSV_HEADER = _("The first line must name the columns kunta_code, form and amount_eur.")
CSV_MUNICIPALITY = _("line %(line)s: %(code)s is not a municipality of the trial area.")
CSV_FORM = _("line %(line)s: unknown form %(form)s (one of %(forms)s).")
CSV_AMOUNT = _("line %(line)s: the amount %(amount)s is not a whole number of euros, zero or more.")
CSV_TWICE = _("line %(line)s: the municipality %(code)s and form %(form)s are given twice.")
CSV_EMPTY = _("The file has no rows.")
CSV_ENCODING = _("The file is not UTF-8 text.")


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int
    unchanged: int


class ImportRefused(Exception):
    """The file is refused: every error found, each a line-numbered localised message."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


def _msg(template, **args) -> str:
    return str(template) % args


def import_expenditure(user, *, area: TrialArea, data: bytes | str, today: dt.date) -> ImportReport:
    """Import the area's municipalities' 2018 labour-market-subsidy expenditure from CSV (columns
    kunta_code, form, amount_eur; `,` or `;`). Every row is checked first; any error refuses the
    whole file with all the errors listed by line number, and nothing is changed."""
    _allowed(user, "funding.record_own_funding", area, today)
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportRefused([str(CSV_ENCODING)]) from None
    sample = data[:1024]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.reader(io.StringIO(data), delimiter=delimiter)
    header = next(reader, None)
    if header is None or [h.strip() for h in header] != list(CSV_COLUMNS):
        raise ImportRefused([str(CSV_HEADER)])
    members = {m.municipality.code: m.municipality for m in area.members.select_related("municipality")}
    errors: list[str] = []
    rows: dict[tuple[str, str], int] = {}
    for line, record in enumerate(reader, start=2):
        if not any(cell.strip() for cell in record):
            continue
        code, form, amount = ([c.strip() for c in record] + ["", "", ""])[:3]
        if code not in members:
            errors.append(_msg(CSV_MUNICIPALITY, line=line, code=code or "–"))
        if form not in SubsidyForm.values:
            errors.append(_msg(CSV_FORM, line=line, form=form or "–", forms=", ".join(SubsidyForm.values)))
        try:
            value = int(Decimal(amount.replace(" ", "").replace("\u00a0", "")))
            if value < 0 or Decimal(amount.replace(" ", "").replace("\u00a0", "")) != value:
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            errors.append(_msg(CSV_AMOUNT, line=line, amount=amount or "–"))
            value = None
        if (code, form) in rows:
            errors.append(_msg(CSV_TWICE, line=line, code=code, form=form))
        elif value is not None:
            rows[(code, form)] = value
    if not errors and not rows:
        errors.append(str(CSV_EMPTY))
    if errors:
        raise ImportRefused(errors)
    created = updated = unchanged = 0
    with transaction.atomic():
        for (code, form), value in rows.items():
            existing = SubsidyExpenditure2018.objects.filter(municipality=members[code], form=form).first()
            if existing is None:
                SubsidyExpenditure2018.objects.create(municipality=members[code], form=form, amount=value)
                created += 1
            elif existing.amount != value:
                existing.amount = value
                existing.save(update_fields=["amount"])
                updated += 1
            else:
                unchanged += 1
    return ImportReport(created, updated, unchanged)
