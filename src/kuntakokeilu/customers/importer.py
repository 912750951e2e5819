"""Importing job seekers and their dated facts from CSV (R-TG-1, R-X-3); format: docs/formats/job_seekers.md.

Every row is validated before anything is stored; every error names its line, field and reason (in the
language active when `read_rows` runs); the rows are stored in one transaction, all or nothing. A fact
equal to the one already in force is not stored again, so a re-import of the same file changes nothing.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from kuntakokeilu.rules.parameters import default_store

from . import worklist
from .identity import InvalidHenkilotunnus, parse_henkilotunnus
from .models import SERVICE_LANGUAGES, Fact, FactKind, Person
from .values import BadValue, parse_bool, parse_date, parse_mother_tongue, parse_municipality, parse_status

COLUMNS = (
    "henkilotunnus",
    "last_name",
    "first_name",
    "service_language",
    "valid_from",
    "kotikunta",
    "residence",
    "mother_tongue",
    "immigrant",
    "status",
    "earnings_related_entitlement",
    "temporary_protection",
    "change_security_55",
    "change_security_notice_date",
    "job_search_start",
    "job_search_end",
)
# issue 14: the day the row's facts were reported (L1269 s. 5 mom 2); optional column, empty = `valid_from`
OPTIONAL_COLUMNS = ("reported_on",)
REQUIRED = ("henkilotunnus", "last_name", "first_name", "service_language", "valid_from")
NAME_COLUMNS = ("last_name", "first_name")
NAME_LENGTH = Person._meta.get_field("last_name").max_length
SOURCE_LENGTH = Fact._meta.get_field("source").max_length
FLAG_COLUMNS = {
    "immigrant": FactKind.IMMIGRANT,
    "earnings_related_entitlement": FactKind.EARNINGS_RELATED,
    "temporary_protection": FactKind.TEMPORARY_PROTECTION,
}


@dataclass(frozen=True)
class RowError:
    line: int
    field: str
    reason: str

    def __str__(self) -> str:
        return _("line %(line)s, %(field)s: %(reason)s") % {
            "line": self.line,
            "field": self.field,
            "reason": self.reason,
        }


class ImportRejected(Exception):
    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__(f"{len(errors)} error(s)")


@dataclass
class PersonRows:
    henkilotunnus: str
    birth_date: object
    names: tuple[str, str, str]
    facts: list[Fact] = field(default_factory=list)


@dataclass
class ImportReport:
    persons_created: int = 0
    persons_updated: int = 0
    facts_created: int = 0
    facts_corrected: int = 0
    facts_unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(
            self.persons_created or self.persons_updated or self.facts_created or self.facts_corrected
        )

    def summary(self, source: str) -> str:
        """What the import did, in the active language."""
        if not self.changed:
            return _("No change: every row was already in the register.")
        return _(
            "Imported %(file)s: %(created)s persons created, %(updated)s updated; "
            "%(facts)s facts stored, %(corrected)s corrected, %(unchanged)s already in the register."
        ) % {
            "file": source,
            "created": self.persons_created,
            "updated": self.persons_updated,
            "facts": self.facts_created,
            "corrected": self.facts_corrected,
            "unchanged": self.facts_unchanged,
        }


def read_rows(data: bytes) -> list[PersonRows]:
    """Validate the whole file; raises ImportRejected with every error found. The csv module's field size
    limit is raised for this file only (it is the whole process's: other CSV readers keep the default)."""
    previous = csv.field_size_limit()
    try:
        return _read_rows(data)
    finally:
        csv.field_size_limit(previous)


def _read_rows(data: bytes) -> list[PersonRows]:
    errors: list[RowError] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected([RowError(1, _("file"), _("The file is not UTF-8 text."))]) from None
    # The csv module refuses a field over 128 KiB with an exception; read any length and judge the values.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    missing = [c for c in COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMNS + OPTIONAL_COLUMNS]
    for column in missing:
        errors.append(RowError(1, column, _("The column is missing from the header.")))
    for column in unknown:
        errors.append(RowError(1, column or "–", _("Unknown column.")))
    if len(set(header)) != len(header):
        errors.append(RowError(1, _("header"), _("A column appears twice.")))
    if errors:
        raise ImportRejected(errors)
    persons: dict[str, PersonRows] = {}
    seen: dict[tuple[str, object], int] = {}
    for row in reader:
        line = reader.line_num
        if None in row or any(v is None for v in row.values()):
            errors.append(
                RowError(line, _("row"), _("The row has a different number of fields than the header."))
            )
            continue
        _read_row(row, line, persons, seen, errors)
    if not errors and not persons:
        errors.append(RowError(1, _("file"), _("The file has no rows.")))
    if errors:
        raise ImportRejected(errors)
    return list(persons.values())


def _read_row(row, line, persons, seen, errors) -> None:
    row_errors = _unreadable(row, line)
    bad = {e.field for e in row_errors}  # judged already: not read further

    def value(column, parse, *args):
        if column in bad:
            return None
        raw = row[column].strip()
        if not raw:
            if column in REQUIRED:
                row_errors.append(RowError(line, column, _("This field is required.")))
            return None
        try:
            return parse(raw, *args)
        except BadValue as exc:
            row_errors.append(RowError(line, column, str(exc.message)))
            return None

    hetu = value("henkilotunnus", _identity)
    valid_from = value("valid_from", parse_date)
    language = value("service_language", _language)
    last, first = row["last_name"].strip(), row["first_name"].strip()
    for column, name in (("last_name", last), ("first_name", first)):
        if not name and column not in bad:
            row_errors.append(RowError(line, column, _("This field is required.")))
    facts: list[Fact] = []
    if valid_from is not None:
        for column, kind in (("kotikunta", FactKind.KOTIKUNTA), ("residence", FactKind.RESIDENCE)):
            municipality = value(column, parse_municipality, valid_from)
            if municipality is not None:
                facts.append(Fact(kind=kind, valid_from=valid_from, municipality=municipality))
        tongue = value("mother_tongue", parse_mother_tongue)
        if tongue is not None:
            facts.append(Fact(kind=FactKind.MOTHER_TONGUE, valid_from=valid_from, code=tongue))
        status = value("status", parse_status)
        if status is not None:
            facts.append(Fact(kind=FactKind.STATUS, valid_from=valid_from, code=status))
        for column, kind in FLAG_COLUMNS.items():
            flag = value(column, parse_bool)
            if flag is not None:
                facts.append(Fact(kind=kind, valid_from=valid_from, flag=flag))
        facts += _change_security(row, line, valid_from, value, row_errors)
    reported = value("reported_on", parse_date) if "reported_on" in row else None
    for fact in facts:
        fact.reported_on = reported or valid_from
    for fact in _job_search(line, value, row_errors):
        fact.reported_on = fact.valid_from  # the window of a registration counts from the start (s. 5 mom 2)
        facts.append(fact)
    if hetu is not None and valid_from is not None:
        key = (hetu.code, valid_from)
        if key in seen:
            row_errors.append(
                RowError(
                    line,
                    "valid_from",
                    _("The same person and date are already on line %(line)s.") % {"line": seen[key]},
                )
            )
        seen.setdefault(key, line)
        person = persons.get(hetu.code)
        if person is None:
            person = persons[hetu.code] = PersonRows(hetu.code, hetu.birth_date, (last, first, language))
        elif person.names != (last, first, language):
            row_errors.append(
                RowError(
                    line, "last_name", _("The names or service language differ from the person's other rows.")
                )
            )
        if not row_errors:
            person.facts += facts
    errors += row_errors


def _unreadable(row, line) -> list[RowError]:
    """Values no column can hold, whatever the database: a NUL character, a name over the column."""
    errors = [
        RowError(line, column, _("The field contains a NUL character."))
        for column, raw in row.items()
        if "\x00" in raw
    ]
    errors += [
        RowError(line, column, _("At most %(max)s characters.") % {"max": NAME_LENGTH})
        for column in NAME_COLUMNS
        if len(row[column].strip()) > NAME_LENGTH and "\x00" not in row[column]
    ]
    return errors


def _identity(raw):
    try:
        return parse_henkilotunnus(raw)
    except InvalidHenkilotunnus as exc:
        raise BadValue(str(exc)) from None


def _language(raw):
    if raw not in dict(SERVICE_LANGUAGES):
        raise BadValue(_("The service language is fi or sv."))
    return raw


def _change_security(row, line, valid_from, value, row_errors) -> list[Fact]:
    flag = value("change_security_55", parse_bool)
    notice = value("change_security_notice_date", parse_date)
    if notice is not None and not flag:
        row_errors.append(
            RowError(line, "change_security_notice_date", _("A notice date needs change_security_55 true."))
        )
        return []
    if flag is None:
        return []
    return [Fact(kind=FactKind.CHANGE_SECURITY, valid_from=valid_from, flag=flag, date_value=notice)]


def _job_search(line, value, row_errors) -> list[Fact]:
    start = value("job_search_start", parse_date)
    end = value("job_search_end", parse_date)
    if end is not None and start is None:
        row_errors.append(RowError(line, "job_search_end", _("An end needs a job search start.")))
        return []
    if start is not None and end is not None and end < start:
        row_errors.append(RowError(line, "job_search_end", _("The job search cannot end before it starts.")))
        return []
    return [Fact(kind=FactKind.JOB_SEARCH, valid_from=start, end_date=end)] if start else []


def import_job_seekers(data: bytes, source: str, actor=None) -> ImportReport:
    """Validate `data` and store it in one transaction; raises ImportRejected (nothing stored)."""
    if len(source) > SOURCE_LENGTH:
        message = _("The file name is longer than %(max)s characters: rename the file.") % {
            "max": SOURCE_LENGTH
        }
        raise ImportRejected([RowError(1, _("file name"), message)])
    persons = read_rows(data)
    report = ImportReport()
    params = default_store()
    with transaction.atomic():
        for rows in persons:
            person, stored = _store(rows, source, actor, report)
            # Registrations and changes dated within the pilot are evaluated (R-TG-4, worklist.py).
            dates = [d for d in worklist.event_dates(stored) if worklist.in_pilot(d, params)]
            if dates:
                reported = worklist.report_dates(stored)
                worklist.evaluate_changes(person, dates, params=params, actor=actor, reported=reported)
    return report


def _store(rows: PersonRows, source, actor, report: ImportReport) -> tuple[Person, list[Fact]]:
    """Store one person's rows; returns the person and the facts stored (new or corrected)."""
    last, first, language = rows.names
    person, created = Person.objects.get_or_create(
        henkilotunnus=rows.henkilotunnus,
        defaults={
            "birth_date": rows.birth_date,
            "last_name": last,
            "first_name": first,
            "service_language": language,
        },
    )
    if created:
        report.persons_created += 1
    elif (person.last_name, person.first_name, person.service_language) != rows.names:
        person.last_name, person.first_name, person.service_language = last, first, language
        person.save(update_fields=["last_name", "first_name", "service_language"])
        report.persons_updated += 1
    stored: list[Fact] = []
    for fact in sorted(rows.facts, key=lambda f: (f.kind, f.valid_from)):
        current = list(
            person.facts.current()
            .filter(kind=fact.kind, valid_from__lte=fact.valid_from)
            .order_by("-valid_from")[:1]
        )
        before = current[0] if current else None
        fact.person, fact.recorded_by, fact.source = person, actor, source
        if before is not None and before.same_value(fact):
            report.facts_unchanged += 1
        elif before is not None and before.valid_from == fact.valid_from:
            before.superseded = True
            before.save(update_fields=["superseded"])
            fact.corrects = before
            fact.reason = _("Corrected by the import %(source)s.") % {"source": source}
            fact.save()
            report.facts_corrected += 1
            stored.append(fact)
        else:
            fact.save()
            report.facts_created += 1
            stored.append(fact)
    return person, stored
