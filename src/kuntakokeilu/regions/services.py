"""Loading the reference data (R-REF-1, R-REF-2): one idempotent, all-or-nothing command.

The files and the choices made in reading them are described in data/README.md.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import models, transaction

from .models import (
    ElyCentre,
    EmploymentArea,
    EmploymentAreaMember,
    Maakunta,
    Municipality,
    Population,
    PopulationSource,
    RegionalMembership,
    Round,
    TeOffice,
    TrialArea,
    TrialAreaMember,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
DIVISION_2020_FROM = dt.date(2020, 1, 1)
DIVISION_2023_FROM = dt.date(2021, 1, 1)
# Municipalities of 2020 that are gone from the 2023 key: code -> (merged into, first day of the merger).
MERGERS = {"099": ("214", dt.date(2021, 1, 1))}  # Honkajoki into Kankaanpää (data/README.md)
POPULATION_FROM_2020_KEY = 2019  # the 2020 file's 31.12.2019 figure wins over the yearly file


class ReferenceDataError(Exception):
    """A reference file is missing, malformed or inconsistent; nothing was changed."""


@dataclass
class TableReport:
    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted)


@dataclass
class LoadReport:
    tables: dict[str, TableReport] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(t.changed for t in self.tables.values())

    def lines(self) -> list[str]:
        return [
            f"{name}: {t.created} created, {t.updated} updated, {t.deleted} deleted, {t.unchanged} unchanged"
            for name, t in self.tables.items()
        ]


def read_csv(name: str, data_dir: Path = DATA_DIR) -> list[dict[str, str]]:
    path = data_dir / name
    if not path.exists():
        raise ReferenceDataError(f"{name}: file not found in {data_dir}")
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _int(row: dict[str, str], column: str, where: str) -> int:
    try:
        return int(row[column])
    except (KeyError, TypeError, ValueError):
        raise ReferenceDataError(
            f"{where}: column {column!r} is not a whole number: {row.get(column)!r}"
        ) from None


@transaction.atomic
def load_reference_data(data_dir: Path = DATA_DIR) -> LoadReport:
    """Bring the database to exactly what the files say; a second run changes nothing."""
    report = LoadReport()
    regions = read_csv("regions_2020.csv", data_dir)
    key_2020 = read_csv("municipalities_2020.csv", data_dir)
    key_2023 = {r["kunta_code"]: r for r in read_csv("municipalities_2023_regions.csv", data_dir)}

    maakunnat = _sync(report, Maakunta, ("code",), _region_rows(regions, "maakunta"))
    elys = _sync(report, ElyCentre, ("code",), _region_rows(regions, "ely"))
    te_rows = [{**r, "ely_id": elys[(r["code"],)].pk} for r in _region_rows(regions, "te_office")]
    te_offices = _sync(report, TeOffice, ("code",), te_rows)

    municipalities = _load_municipalities(report, key_2020, key_2023)
    _load_memberships(report, key_2020, key_2023, municipalities, maakunnat, elys, te_offices)
    _load_population(
        report, key_2020, read_csv("population_municipality_2000_2022.csv", data_dir), municipalities
    )
    _load_trial_areas(
        report,
        read_csv("trial_areas_2021.csv", data_dir),
        {r["area_no"]: r for r in read_csv("trial_area_names.csv", data_dir)},
        municipalities,
        elys,
        te_offices,
    )
    _load_employment_areas(report, data_dir, municipalities)
    return report


# --- employment areas (TE2024, Act 380/2023, from 1.1.2025) ---
EMPLOYMENT_AREAS_FILE = "employment_areas.csv"
EMPLOYMENT_AREA_COLUMNS = (
    "area_code",
    "name_fi",
    "name_sv",
    "valid_from",
    "valid_to",
    "kunta_code",
    "source",
)


def _date(value: str, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ReferenceDataError(f"{where}: not a date (YYYY-MM-DD): {value!r}") from None


def _load_employment_areas(report, data_dir: Path, municipalities) -> None:
    """The employment areas and their members, one row per member, each area with its source. The file is
    optional (only verified areas are shipped, data/README.md): without it no area is loaded and the
    pilot's end refuses, naming the file."""
    if not (data_dir / EMPLOYMENT_AREAS_FILE).exists():
        _sync(report, EmploymentAreaMember, ("area_id", "municipality_id", "valid_from"), [])
        _sync(report, EmploymentArea, ("code",), [])
        return
    rows = read_csv(EMPLOYMENT_AREAS_FILE, data_dir)
    by_code = {key[0]: m for key, m in municipalities.items()}
    areas: dict[str, dict] = {}
    members = []
    for line, r in enumerate(rows, start=2):
        where = f"{EMPLOYMENT_AREAS_FILE} line {line}"
        missing = [c for c in EMPLOYMENT_AREA_COLUMNS if c not in r]
        if missing:
            raise ReferenceDataError(f"{where}: missing columns {', '.join(missing)}")
        if not (r["area_code"] and r["name_fi"] and r["name_sv"] and r["source"]):
            raise ReferenceDataError(f"{where}: an area needs a code, fi and sv names and its source")
        area = {
            "code": r["area_code"],
            "name_fi": r["name_fi"],
            "name_sv": r["name_sv"],
            "valid_from": _date(r["valid_from"], where),
            "valid_to": _date(r["valid_to"], where),
            "source": r["source"],
        }
        if area["valid_from"] is None:
            raise ReferenceDataError(f"{where}: an area needs its first day (valid_from)")
        known = areas.setdefault(area["code"], area)
        if {k: v for k, v in known.items() if k != "source"} != {
            k: v for k, v in area.items() if k != "source"
        }:
            raise ReferenceDataError(f"{where}: area {area['code']} differs from its earlier rows")
        municipality = by_code.get(r["kunta_code"])
        if municipality is None:
            raise ReferenceDataError(f"{where}: unknown municipality {r['kunta_code']!r}")
        members.append((area["code"], municipality, area["valid_from"], area["valid_to"], where))
    seen: dict[tuple, str] = {}
    for code, municipality, start, _end, where in members:
        if (municipality.code, start) in seen:
            raise ReferenceDataError(
                f"{where}: {municipality.code} is already in {seen[(municipality.code, start)]}"
            )
        seen[(municipality.code, start)] = code
    saved = _sync(report, EmploymentArea, ("code",), list(areas.values()))
    _sync(
        report,
        EmploymentAreaMember,
        ("area_id", "municipality_id", "valid_from"),
        [
            {"area_id": saved[(code,)].pk, "municipality_id": m.pk, "valid_from": start, "valid_to": end}
            for code, m, start, end, _where in members
        ],
    )


def _region_rows(regions: list[dict[str, str]], region_type: str) -> list[dict]:
    return [
        {"code": r["region_code"], "name_fi": r["name_fi"], "name_sv": r["name_sv"]}
        for r in regions
        if r["region_type"] == region_type
    ]


def _load_municipalities(report, key_2020, key_2023) -> dict[tuple, Municipality]:
    codes_2020 = {r["kunta_code"] for r in key_2020}
    for code in codes_2020 - key_2023.keys():
        if code not in MERGERS:
            raise ReferenceDataError(
                f"municipalities_2023_regions.csv: {code} is missing and no merger is known"
            )
    for code in key_2023.keys() - codes_2020:
        raise ReferenceDataError(f"municipalities_2023_regions.csv: {code} is not in the 2020 key")
    rows = []
    for line, r in enumerate(key_2020, start=2):
        merger = MERGERS.get(r["kunta_code"])
        rows.append(
            {
                "code": r["kunta_code"],
                "name_fi": r["name_fi"],
                "name_sv": r["name_sv"],
                "language_status": r["language_status"],
                "municipal_group": _int(r, "kuntaryhmitys_code", f"municipalities_2020.csv line {line}"),
                "valid_from": None,
                "valid_to": merger[1] - dt.timedelta(days=1) if merger else None,
                "merged_into_id": merger[0] if merger else None,  # by code; the key is checked at commit
            }
        )
    return _sync(report, Municipality, ("code",), rows, delete_missing=False)


def _load_memberships(report, key_2020, key_2023, municipalities, maakunnat, elys, te_offices) -> None:
    def regions_of(r: dict[str, str]) -> dict:
        te = r["te_office_code"]
        return {
            "maakunta_id": maakunnat[(r["maakunta_code"],)].pk,
            "ely_id": elys[(r["ely_code"],)].pk,
            "te_office_id": te_offices[(te,)].pk if te else None,
        }

    rows = []
    for r in key_2020:
        mun_id = municipalities[(r["kunta_code"],)].pk
        before = regions_of(r)
        later = key_2023.get(r["kunta_code"])
        after = regions_of(later) if later else None
        if after == before:
            rows.append(
                {"municipality_id": mun_id, "valid_from": DIVISION_2020_FROM, "valid_to": None, **before}
            )
            continue
        last_2020 = DIVISION_2023_FROM - dt.timedelta(days=1)
        rows.append(
            {"municipality_id": mun_id, "valid_from": DIVISION_2020_FROM, "valid_to": last_2020, **before}
        )
        if after:
            rows.append(
                {"municipality_id": mun_id, "valid_from": DIVISION_2023_FROM, "valid_to": None, **after}
            )
    _sync(report, RegionalMembership, ("municipality_id", "valid_from"), rows)


def _load_population(report, key_2020, yearly, municipalities) -> None:
    rows = [
        {
            "municipality_id": municipalities[(r["kunta_code"],)].pk,
            "year": POPULATION_FROM_2020_KEY,
            "population": _int(r, "population_2019_12_31", "municipalities_2020.csv"),
            "source": PopulationSource.KEY_2020,
        }
        for r in key_2020
    ]
    for line, r in enumerate(yearly, start=2):
        where = f"population_municipality_2000_2022.csv line {line}"
        year = _int(r, "year", where)
        if year == POPULATION_FROM_2020_KEY:
            continue
        mun = municipalities.get((r["kunta_code"],))
        if mun is None:
            raise ReferenceDataError(f"{where}: unknown municipality code {r['kunta_code']!r}")
        rows.append(
            {
                "municipality_id": mun.pk,
                "year": year,
                "population": _int(r, "population_12_31", where),
                "source": PopulationSource.SOTKANET,
            }
        )
    _sync(report, Population, ("municipality_id", "year"), rows)


def _load_trial_areas(report, members, names, municipalities, elys, te_offices) -> None:
    area_rows: dict[str, dict] = {}
    for line, r in enumerate(members, start=2):
        area_no = r["area_no"]
        if area_no not in names:
            raise ReferenceDataError(f"trial_area_names.csv: no names for trial area {area_no}")
        area_rows.setdefault(
            area_no,
            {
                "number": _int(r, "area_no", f"trial_areas_2021.csv line {line}"),
                "name_fi": names[area_no]["name_fi"],
                "name_sv": names[area_no]["name_sv"],
                "name_en": names[area_no]["name_en"],
                "ely_id": elys[(r["ely_code"],)].pk,
                "te_office_id": te_offices[(r["te_office_code"],)].pk,
            },
        )
    areas = _sync(report, TrialArea, ("number",), list(area_rows.values()))
    rows = []
    positions: dict[str, int] = {}
    for line, r in enumerate(members, start=2):
        if r["joined_in_round"] not in Round.values:
            raise ReferenceDataError(
                f"trial_areas_2021.csv line {line}: unknown round {r['joined_in_round']!r}"
            )
        mun = municipalities.get((r["kunta_code"],))
        if mun is None:
            raise ReferenceDataError(
                f"trial_areas_2021.csv line {line}: unknown municipality {r['kunta_code']!r}"
            )
        positions[r["area_no"]] = positions.get(r["area_no"], 0) + 1
        rows.append(
            {
                "trial_area_id": areas[(int(r["area_no"]),)].pk,
                "municipality_id": mun.pk,
                "joined_in_round": r["joined_in_round"],
                "position": positions[r["area_no"]],
            }
        )
    _sync(report, TrialAreaMember, ("municipality_id",), rows)


def _sync(
    report: LoadReport,
    model: type[models.Model],
    key_fields: tuple[str, ...],
    rows: Iterable[dict],
    delete_missing: bool = True,
) -> dict[tuple, models.Model]:
    """Make the table hold exactly `rows` (matched by `key_fields`); count what changed."""
    table = report.tables.setdefault(model.__name__, TableReport())
    existing = {tuple(getattr(obj, f) for f in key_fields): obj for obj in model.objects.all()}
    result: dict[tuple, models.Model] = {}
    to_create = []
    for row in rows:
        key = tuple(row[f] for f in key_fields)
        obj = existing.pop(key, None)
        if obj is None:
            to_create.append(model(**row))
            continue
        changed = [f for f, v in row.items() if getattr(obj, f) != v]
        if changed:
            for f in changed:
                setattr(obj, f, row[f])
            obj.save(update_fields=[f.removesuffix("_id") if f.endswith("_id") else f for f in changed])
            table.updated += 1
        else:
            table.unchanged += 1
        result[key] = obj
    for obj in model.objects.bulk_create(to_create, batch_size=1000):
        result[tuple(getattr(obj, f) for f in key_fields)] = obj
    table.created += len(to_create)
    if delete_missing and existing:
        model.objects.filter(pk__in=[o.pk for o in existing.values()]).delete()
        table.deleted += len(existing)
    else:
        result.update(existing)
    return result
