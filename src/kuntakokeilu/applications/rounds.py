"""Loading the real application rounds and their outcomes (R-APP-1): `kuntakokeilu load_rounds`.

Idempotent and all-or-nothing. The rounds' dates come from the application letters (law notes §6); the
outcomes from the trial-area data of Act 1269/2020 s. 3 (regions' `joined_in_round`): members that joined
in the main round were selected in main-2019, the rest in supplementary-2020, one selection per area and
round. Selecting in a real round never creates a trial area: the Act's areas are the regions app's.
The job-seeker statistics the screening needs are loaded from data/ (data/README.md).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from kuntakokeilu.regions.models import Municipality, TrialAreaMember
from kuntakokeilu.regions.models import Round as JoinedIn

from .models import Round, RoundState, Selection, SelectionDecision, UnemployedJobSeekers

DATA_DIR = Path(__file__).resolve().parent / "data"
STATISTICS_FILE = "tyonv_1001_municipality_monthly_kuntajako2020.csv"
MINISTRY = "Työ- ja elinkeinoministeriö / Arbets- och näringsministeriet"
GROUNDS = (
    "Valittu ennalta ilmoitettujen ehtojen ja suunnitelman toteuttamiskelpoisuuden perusteella; alueet "
    "laissa 1269/2020, 3 §. / Valda enligt de på förhand meddelade villkoren och planens genomförbarhet; "
    "områdena i lag 1269/2020, 3 §."
)


@dataclass(frozen=True)
class RealRound:
    code: str
    name_fi: str
    name_sv: str
    opens: dt.date
    closes: dt.date
    population_date: dt.date
    planned_pilot_start: dt.date
    statistics_month: str
    joined_in: str
    decided_on: dt.date
    source: str


REAL_ROUNDS = (
    RealRound(
        "main-2019",
        "Työllisyyden kuntakokeilujen haku 2019",
        "Ansökningsomgången för kommunförsöken med sysselsättning 2019",
        dt.date(2019, 10, 8),
        dt.date(2019, 11, 19),
        dt.date(2018, 12, 31),
        dt.date(2021, 3, 1),
        "2019-09",
        JoinedIn.MAIN,
        dt.date(2019, 12, 9),
        "TEM 9.12.2019: 20 areas / 90 municipalities selected for further preparation (law notes §1.2); "
        "members as in Act 1269/2020 s. 3 with joined_in_round = main.",
    ),
    RealRound(
        "supplementary-2020",
        "Työllisyyden kuntakokeilujen täydentävä haku 2020",
        "Kompletterande ansökningsomgång för kommunförsöken med sysselsättning 2020",
        dt.date(2020, 5, 12),
        dt.date(2020, 6, 26),
        dt.date(2019, 12, 31),
        dt.date(2021, 3, 1),
        "2020-04",
        JoinedIn.SUPPLEMENTARY,
        dt.date(2020, 8, 27),
        "TEM 27.8.2020: 6 new areas and 4 enlargements (HE 114/2020; law notes §1.2); members as in Act "
        "1269/2020 s. 3 with joined_in_round = supplementary. The Kitee group, selected but not in the Act, "
        "is not recorded.",
    ),
)


class RoundDataError(Exception):
    """A statistics file is missing or malformed; nothing was changed."""


@dataclass
class RoundsReport:
    lines: list[str] = field(default_factory=list)
    changed: bool = False


@transaction.atomic
def load_rounds() -> RoundsReport:
    report = RoundsReport()
    for real in REAL_ROUNDS:
        _load_round(real, report)
    _load_statistics(report)
    return report


def _load_round(real: RealRound, report: RoundsReport) -> None:
    values = {
        "name_fi": real.name_fi,
        "name_sv": real.name_sv,
        "opens": real.opens,
        "closes": real.closes,
        "population_date": real.population_date,
        "planned_pilot_start": real.planned_pilot_start,
        "statistics_month": real.statistics_month,
        "state": RoundState.DECIDED,
    }
    round_, created = Round.objects.get_or_create(code=real.code, defaults=values)
    if not created and any(getattr(round_, k) != v for k, v in values.items()):
        Round.objects.filter(pk=round_.pk).update(**values)
        report.changed = True
        report.lines.append(f"{real.code}: dates updated")
    elif created:
        report.changed = True
        report.lines.append(f"{real.code}: created")
    decision, created = SelectionDecision.objects.get_or_create(
        round=round_,
        decided_by=None,
        source=real.source,
        defaults={
            "decided_on": real.decided_on,
            "decision_maker": MINISTRY,
            "grounds": GROUNDS,
        },
    )
    report.changed |= created
    members_by_area: dict[int, list[TrialAreaMember]] = defaultdict(list)
    for member in TrialAreaMember.objects.select_related("trial_area"):
        members_by_area[member.trial_area_id].append(member)
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    for members in members_by_area.values():
        joined = [m for m in members if m.joined_in_round == real.joined_in]
        if not joined:
            continue
        area = members[0].trial_area
        enlarges = real.joined_in == JoinedIn.SUPPLEMENTARY and any(
            m.joined_in_round == JoinedIn.MAIN for m in members
        )
        selection, created = Selection.objects.get_or_create(
            round=round_, trial_area=area, defaults={"enlarges": enlarges, "decision": decision}
        )
        wanted = {m.municipality_id for m in joined}
        have = set(selection.municipalities.values_list("pk", flat=True))
        if created:
            counts["created"] += 1
        elif have != wanted or selection.enlarges != enlarges:
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
        if have != wanted:
            selection.municipalities.set(wanted)
        if selection.enlarges != enlarges:
            Selection.objects.filter(pk=selection.pk).update(enlarges=enlarges)
    report.changed |= bool(counts["created"] or counts["updated"])
    report.lines.append(
        f"{real.code} selections: {counts['created']} created, {counts['updated']} updated, "
        f"{counts['unchanged']} unchanged"
    )


def statistics_months() -> set[str]:
    """The months the rounds use, and the file's last month (the demo's open round uses it)."""
    return set(Round.objects.values_list("statistics_month", flat=True)) | {latest_statistics_month()}


def latest_statistics_month() -> str:
    rows = _read_statistics()
    return max(month for _code, month, _value in rows)


_ROWS_CACHE: dict[str, list[tuple[str, str, int | None]]] = {}


def _read_statistics() -> list[tuple[str, str, int | None]]:
    if STATISTICS_FILE in _ROWS_CACHE:
        return _ROWS_CACHE[STATISTICS_FILE]
    path = DATA_DIR / STATISTICS_FILE
    if not path.exists():
        raise RoundDataError(f"{STATISTICS_FILE}: file not found in {DATA_DIR}")
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for line_no, row in enumerate(csv.DictReader(fh), start=2):
            try:
                value = row["unemployed_jobseekers"]
                rows.append((row["kunta_code"], row["month"], int(value) if value else None))
            except (KeyError, ValueError):
                raise RoundDataError(f"{STATISTICS_FILE} line {line_no}: bad row") from None
    _ROWS_CACHE[STATISTICS_FILE] = rows
    return rows


def _load_statistics(report: RoundsReport) -> None:
    months = statistics_months()
    ids = dict(Municipality.objects.values_list("code", "pk"))
    existing = {
        (r.municipality_id, r.month): r for r in UnemployedJobSeekers.objects.filter(month__in=months)
    }
    created = updated = 0
    to_create = []
    for code, month, value in _read_statistics():
        if month not in months:
            continue
        if code not in ids:
            raise RoundDataError(f"{STATISTICS_FILE}: unknown municipality code {code!r}")
        row = existing.get((ids[code], month))
        if row is None:
            to_create.append(UnemployedJobSeekers(municipality_id=ids[code], month=month, unemployed=value))
            created += 1
        elif row.unemployed != value:
            UnemployedJobSeekers.objects.filter(pk=row.pk).update(unemployed=value)
            updated += 1
    UnemployedJobSeekers.objects.bulk_create(to_create)
    report.changed |= bool(created or updated)
    report.lines.append(
        f"unemployed job seekers ({', '.join(sorted(months))}): {created} created, {updated} updated"
    )
