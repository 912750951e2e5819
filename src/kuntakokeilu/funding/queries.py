"""Read models of the funding pages and the API (R-RES-1, R-RES-3, R-RES-4)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kuntakokeilu.regions.models import ElyCentre, Municipality, TrialArea
from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.parameters import NoParameterValue, ParameterStore

from . import rules
from .models import (
    Instrument,
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
