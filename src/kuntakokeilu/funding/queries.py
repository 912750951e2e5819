"""Read models of the funding pages and the API (R-RES-1, R-RES-2, R-RES-3, R-RES-4)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.db.models.functions import ExtractMonth, ExtractYear

from kuntakokeilu.regions.models import ElyCentre, Municipality, TrialArea
from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.parameters import NoParameterValue, ParameterStore

from . import rules
from .models import (
    Account,
    EntryKind,
    Instrument,
    LedgerEntry,
    MinistryAllocation,
    OwnResourcing,
    Quota,
    QuotaComputation,
    StatePersonYears,
    SubsidyExpenditure2018,
)


def allocations(year: int, elys=None):
    """The ministry's allocations of a year (for `elys`, an iterable of ELY codes, or all)."""
    rows = MinistryAllocation.objects.filter(year=year).select_related("ely")
    if elys is not None:
        rows = rows.filter(ely__code__in=list(elys))
    return rows.order_by("ely__code", "instrument")


@dataclass
class QuotaRow:
    area: TrialArea
    volume: int | None
    quota: Quota
    explanation: Message


@dataclass
class InstrumentQuotas:
    instrument: str
    label: str
    allocation: MinistryAllocation | None
    computation: QuotaComputation | None
    rows: list[QuotaRow] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(r.quota.current for r in self.rows)

    @property
    def volumes_total(self) -> int | None:
        if self.computation is None or not self.computation.inputs:
            return None
        return sum(int(v) for v in self.computation.inputs.values())

    @property
    def matches(self) -> bool:
        return self.allocation is not None and self.total == self.allocation.amount


def ely_quotas(ely: ElyCentre, year: int) -> list[InstrumentQuotas]:
    """Per instrument: the allocation, the computation in force (its inputs) and each area's quota."""
    allocated = {a.instrument: a for a in MinistryAllocation.objects.filter(ely=ely, year=year)}
    out = []
    for instrument, label in Instrument.choices:
        computation = (
            QuotaComputation.objects.filter(ely=ely, year=year, instrument=instrument)
            .select_related("computed_by")
            .first()
        )
        item = InstrumentQuotas(instrument, str(label), allocated.get(instrument), computation)
        if computation is not None:
            volumes_total = sum(int(v) for v in computation.inputs.values())
            for quota in computation.quotas.select_related("trial_area", "adjusted_by").order_by(
                "trial_area__number"
            ):
                volume = computation.inputs.get(str(quota.trial_area.number))
                item.rows.append(
                    QuotaRow(
                        quota.trial_area,
                        volume,
                        quota,
                        rules.explain_quota(
                            computation.method, volume, volumes_total, quota.amount, computation.volume_date
                        ),
                    )
                )
        if item.allocation is not None or item.computation is not None:
            out.append(item)
    return out


def area_quotas(area: TrialArea, year: int) -> list[Quota]:
    """The quotas in force of a trial area in a year (of each instrument's latest computation)."""
    out = []
    for instrument in Instrument.values:
        computation = QuotaComputation.objects.filter(
            ely_id=area.ely_id, year=year, instrument=instrument
        ).first()
        if computation is not None:
            quota = computation.quotas.filter(trial_area=area).first()
            if quota is not None:
                out.append(quota)
    return out


@dataclass
class MunicipalityFunding:
    municipality: Municipality
    expenditure: int | None  # the 2018 labour-market-subsidy expenditure, all forms
    by_form: dict[str, int]
    reference: rules.Reference | None
    resourcing: OwnResourcing | None
    shortfall: int | None
    explanation: Message | None


def own_funding(area: TrialArea, year: int, params: ParameterStore) -> list[MunicipalityFunding]:
    """Each member municipality's 2018 expenditure, the year's reference, planned, realised, shortfall."""
    members = [m.municipality for m in area.members.select_related("municipality").order_by("position")]
    spent: dict[int, dict[str, int]] = {}
    for row in SubsidyExpenditure2018.objects.filter(municipality__in=members):
        spent.setdefault(row.municipality_id, {})[row.form] = row.amount
    resourced = {
        r.municipality_id: r for r in OwnResourcing.objects.filter(municipality__in=members, year=year)
    }
    out = []
    for municipality in members:
        by_form = spent.get(municipality.pk, {})
        expenditure = sum(by_form.values()) if by_form else None
        reference = explanation = gap = None
        if expenditure is not None:
            try:
                reference = rules.reference_amount(expenditure, dt.date(year, 12, 31), params)
            except NoParameterValue:
                reference = None
        resourcing = resourced.get(municipality.pk)
        if reference is not None:
            realised = resourcing.realised_eur if resourcing is not None else None
            explanation = rules.explain_shortfall(reference, realised)
            basis = realised if realised is not None else (resourcing.planned_eur if resourcing else 0)
            gap = rules.shortfall(reference.amount, basis)
        out.append(
            MunicipalityFunding(municipality, expenditure, by_form, reference, resourcing, gap, explanation)
        )
    return out


def person_years(area: TrialArea):
    return StatePersonYears.objects.filter(trial_area=area).order_by("year")


# --- quota use (issue 18 item 6; R-RES-2): the ledger's read side -------------------------------------------

ZERO = Decimal("0.00")


@dataclass
class MonthPoint:
    month: int  # 1–12
    committed: Decimal  # cumulative net commitments by the end of the month (or `on`)
    paid: Decimal  # cumulative payments


@dataclass
class InstrumentUse:
    instrument: str
    label: str
    quota: int | None  # the quota in force (None: no quota set)
    committed: Decimal  # the account's net commitments (commitments − releases)
    paid: Decimal
    months: list[MonthPoint]
    forecast: rules.Forecast | None

    @property
    def remaining(self) -> Decimal | None:
        return None if self.quota is None else Decimal(self.quota) - self.committed


def _label(instrument: str) -> str:
    return str(Instrument(instrument).label) if instrument in Instrument.values else instrument


def quota_use(area: TrialArea, year: int, on: dt.date) -> list[InstrumentUse]:
    """Per instrument with a quota or an account of `area` in `year`: the quota in force (`area_quotas`), the
    account's committed and paid euros, the remaining quota (quota − committed), the cumulative committed and
    paid euros month by month up to `on` (entries by `booked_on`, from ONE aggregate query; an entry booked
    before the year counts in January) and the forecast at the current pace (`rules.forecast`)."""
    quotas = {q.instrument: q.current for q in area_quotas(area, year)}
    accounts = {a.instrument: a for a in Account.objects.filter(trial_area=area, year=year)}
    last = min(on, dt.date(year, 12, 31))
    moves: dict[tuple[str, int], dict[str, Decimal]] = {}
    if on >= dt.date(year, 1, 1):
        rows = (
            LedgerEntry.objects.filter(account__trial_area=area, account__year=year, booked_on__lte=last)
            .annotate(y=ExtractYear("booked_on"), m=ExtractMonth("booked_on"))
            .values("account__instrument", "y", "m", "kind")
            .annotate(total=Sum("amount"))
        )
        for row in rows:
            month = row["m"] if row["y"] == year else 1
            key = (row["account__instrument"], month)
            sums = moves.setdefault(key, {})
            sums[row["kind"]] = sums.get(row["kind"], ZERO) + row["total"]
    out = []
    for instrument in Instrument.values:
        if instrument not in quotas and instrument not in accounts:
            continue
        account = accounts.get(instrument)
        points: list[MonthPoint] = []
        committed = paid = ZERO
        for month in range(1, last.month + 1 if on >= dt.date(year, 1, 1) else 1):
            sums = moves.get((instrument, month), {})
            committed += sums.get(EntryKind.COMMITMENT, ZERO) - sums.get(EntryKind.RELEASE, ZERO)
            paid += sums.get(EntryKind.PAYMENT, ZERO)
            points.append(MonthPoint(month, committed, paid))
        out.append(
            InstrumentUse(
                instrument,
                _label(instrument),
                quotas.get(instrument),
                account.committed if account else ZERO,
                account.paid if account else ZERO,
                points,
                rules.forecast(committed, quotas.get(instrument), year, on),
            )
        )
    return out


@dataclass
class UseRow:
    """One place's use of one instrument: a trial area's quota or an ELY centre's allocation."""

    place: object  # a TrialArea or an ElyCentre
    instrument: str
    label: str
    quota: int | None
    committed: Decimal
    paid: Decimal

    @property
    def remaining(self) -> Decimal | None:
        return None if self.quota is None else Decimal(self.quota) - self.committed


def _sums(accounts, key: str) -> dict[tuple, tuple[Decimal, Decimal]]:
    rows = accounts.values(key, "instrument").annotate(c=Sum("committed"), p=Sum("paid"))
    cents = Decimal("0.01")
    return {
        (r[key], r["instrument"]): ((r["c"] or ZERO).quantize(cents), (r["p"] or ZERO).quantize(cents))
        for r in rows
    }


def ely_use(ely: ElyCentre, year: int) -> list[UseRow]:
    """The ELY official's allocation across its trial areas: per instrument and area the quota in force,
    committed, paid and remaining (the accounts in one aggregate query)."""
    sums = _sums(Account.objects.filter(trial_area__ely=ely, year=year), "trial_area_id")
    quotas: dict[tuple, int] = {}
    areas: dict[int, TrialArea] = {a.pk: a for a in TrialArea.objects.filter(ely=ely)}
    for item in ely_quotas(ely, year):
        for row in item.rows:
            quotas[(row.area.pk, item.instrument)] = row.quota.current
            areas.setdefault(row.area.pk, row.area)
    out = []
    for instrument in Instrument.values:
        for pk in sorted(areas, key=lambda pk: areas[pk].number):
            key = (pk, instrument)
            if key not in quotas and key not in sums:
                continue
            committed, paid = sums.get(key, (ZERO, ZERO))
            out.append(UseRow(areas[pk], instrument, _label(instrument), quotas.get(key), committed, paid))
    return out


def ministry_use(year: int, elys=None) -> list[UseRow]:
    """The ministry's allocation across the ELY centres: per instrument and ELY centre the allocation,
    committed, paid and remaining (allocation − committed), the accounts summed in one query."""
    accounts = Account.objects.filter(year=year)
    allocated = MinistryAllocation.objects.filter(year=year)
    if elys is not None:
        accounts = accounts.filter(trial_area__ely__code__in=list(elys))
        allocated = allocated.filter(ely__code__in=list(elys))
    sums = _sums(accounts, "trial_area__ely_id")
    amounts = {(a.ely_id, a.instrument): a.amount for a in allocated}
    ids = {k[0] for k in sums} | {k[0] for k in amounts}
    centres = {e.pk: e for e in ElyCentre.objects.filter(pk__in=ids)}
    out = []
    for instrument in Instrument.values:
        for pk in sorted(centres, key=lambda pk: centres[pk].code):
            key = (pk, instrument)
            if key not in amounts and key not in sums:
                continue
            committed, paid = sums.get(key, (ZERO, ZERO))
            out.append(UseRow(centres[pk], instrument, _label(instrument), amounts.get(key), committed, paid))
    return out
