"""Export and import of the exchange formats (R-INT-1, R-INT-2).

`export_to(directory, types, exported_on)` writes each type's records as JSON Lines (and CSV for the flat
ones) in the order of their natural keys, and `manifest.json` with the schema versions, counts, the SHA-256
of each file and the export's date. `import_from(directory)` reads a directory so written, checks every
record against its schema and the domain's rules (`rules.check`), and stores everything in one transaction
— primary keys and recorded times as they were — or nothing, with every error by file, line and field.
Export → import into an empty database → export gives the same bytes.

Both run as jobs on the queue (`run_export`, `run_import`) when started from the admins' page; their results
are the jobs' own return values (`queries.jobs`)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connection, connections, transaction
from django.utils.translation import gettext, override

from kuntakokeilu.access import audit
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers.models import Customership, Fact, Notice, Person, TransferRequest
from kuntakokeilu.jobs import services as jobs
from kuntakokeilu.regions.models import EmploymentArea, Municipality, TeOffice

from . import messages as m
from . import queries, rules, schemas
from .formats import FLAT, line

FORMAT = "kuntakokeilu-exchange"
MANIFEST = "manifest.json"
MODELS = {
    "persons": Person,
    "facts": Fact,
    "customerships": Customership,
    "notices": Notice,
    "transfer_requests": TransferRequest,
}
Progress = Callable[[int, str], None]


def _no_progress(percent: int, step: str) -> None:
    return None


# --- export ----------------------------------------------------------------------------------------


def export_to(
    directory: Path,
    types: list[str],
    exported_on: dt.date,
    *,
    with_csv: bool = False,
    progress: Progress = _no_progress,
) -> dict:
    """Write the files of `types` (in the import's order) and the manifest; return the manifest."""
    directory.mkdir(parents=True, exist_ok=True)
    chosen = [name for name in schemas.TYPES if name in types]
    files = []
    for i, name in enumerate(chosen):
        progress(100 * i // len(chosen), m.STEP_EXPORT)
        digest, count = hashlib.sha256(), 0
        writer = None
        csv_out = io.StringIO() if with_csv and name in FLAT else None
        with open(directory / rules.data_file(name), "wb") as out:
            for record in queries.READERS[name]():
                data = line(record)
                out.write(data)
                digest.update(data)
                count += 1
                if csv_out is not None:
                    if writer is None:
                        writer = csv.DictWriter(csv_out, fieldnames=list(record), lineterminator="\n")
                        writer.writeheader()
                    writer.writerow({k: _csv_value(v) for k, v in record.items()})
        version = schemas.current(name)
        files.append(
            {
                "type": name,
                "version": version,
                "schema": schemas.file_name(name, version),
                "file": rules.data_file(name),
                "form": "jsonl",
                "count": count,
                "sha256": digest.hexdigest(),
            }
        )
        if csv_out is not None:
            data = csv_out.getvalue().encode()
            (directory / f"{name}.csv").write_bytes(data)
            files.append(
                {
                    "type": name,
                    "version": version,
                    "schema": schemas.file_name(name, version),
                    "file": f"{name}.csv",
                    "form": "csv",
                    "count": count,
                    "sha256": hashlib.sha256(data).hexdigest(),
                }
            )
    manifest = {"format": FORMAT, "exported_on": exported_on.isoformat(), "files": files}
    (directory / MANIFEST).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    )
    progress(100, m.STEP_EXPORT)
    return manifest


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


# --- import ----------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    counts: dict[str, int] = field(default_factory=dict)
    errors: list[rules.Error] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_json(self) -> dict:
        return {"counts": self.counts, "errors": [e.to_json() for e in self.errors]}


def render(error: dict | rules.Error, language: str) -> str:
    """An error's message in a language (fi/sv/en)."""
    data = error.to_json() if isinstance(error, rules.Error) else error
    with override(language):
        return gettext(data["message"]) % data["args"] if data["args"] else gettext(data["message"])


def import_from(directory: Path, progress: Progress = _no_progress) -> ImportResult:
    """Check every record of the export in `directory`; store them all in one transaction, or none."""
    result = ImportResult()
    entries = _read_manifest(directory, result.errors)
    if result.errors:
        return result
    records: dict[str, list[tuple[int, dict]]] = {}
    malformed: dict[str, set] = {}  # ids of records with schema errors: not "unknown" to the others
    for i, entry in enumerate(entries):
        progress(40 * i // max(1, len(entries)), m.STEP_READ)
        records[entry["type"]] = _read_file(
            directory, entry, result.errors, malformed.setdefault(entry["type"], set())
        )
    if any(e.line == 0 for e in result.errors):  # a whole file is at fault: its records are not checked
        return result
    progress(40, m.STEP_CHECK)
    known = _known(records)
    for name, ids in malformed.items():
        known.present[name] |= ids
    result.errors += rules.check(records, known)
    if result.errors:
        result.errors.sort(key=_error_order)
        return result
    progress(60, m.STEP_WRITE)
    lookups = _Lookups()
    try:
        with transaction.atomic():
            for name in schemas.TYPES:
                if name in records:
                    _insert(MODELS[name], [_db_row(name, r, lookups) for _line, r in records[name]])
                    result.counts[name] = len(records[name])
            _reset_sequences([MODELS[name] for name in records])
    except DatabaseError as exc:  # a rule the checks above do not know: nothing was stored
        result.counts = {}
        result.errors.append(rules.Error(MANIFEST, 0, "", m.REFUSED_BY_DATABASE, {"reason": str(exc)[:300]}))
    progress(100, m.STEP_WRITE)
    return result


def _error_order(error: rules.Error):
    name = error.file.split(".")[0]
    return (schemas.TYPES.index(name) if name in schemas.TYPES else -1, error.line, error.field)


def _read_manifest(directory: Path, errors: list) -> list[dict]:
    path = directory / MANIFEST
    if not path.exists():
        errors.append(rules.Error(MANIFEST, 0, "", m.NO_MANIFEST))
        return []
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        files = [f for f in manifest["files"] if f.get("form", "jsonl") == "jsonl"]
        fmt = manifest["format"]
    except (ValueError, KeyError, TypeError, AttributeError):
        errors.append(rules.Error(MANIFEST, 0, "", m.BAD_MANIFEST))
        return []
    if fmt != FORMAT:
        errors.append(rules.Error(MANIFEST, 0, "format", m.UNKNOWN_FORMAT, {"value": str(fmt)}))
        return []
    for entry in files:
        name = entry.get("type")
        if name not in schemas.VERSIONS:
            errors.append(rules.Error(MANIFEST, 0, "type", m.UNKNOWN_TYPE, {"value": str(name)}))
        elif entry.get("version") not in schemas.VERSIONS[name]:
            supported = ", ".join(str(v) for v in schemas.VERSIONS[name])
            args = {"type": name, "version": str(entry.get("version")), "supported": supported}
            errors.append(rules.Error(MANIFEST, 0, "version", m.UNKNOWN_VERSION, args))
        elif not (directory / rules.data_file(name)).exists():
            errors.append(rules.Error(rules.data_file(name), 0, "", m.NO_FILE))
    return sorted(files, key=lambda f: schemas.TYPES.index(f["type"])) if not errors else []


def _read_file(directory: Path, entry: dict, errors: list, malformed: set) -> list[tuple[int, dict]]:
    """The file's schema-valid records as (line, values); the errors of the others, whose ids go to
    `malformed`."""
    name, version = entry["type"], entry["version"]
    file = rules.data_file(name)
    data = (directory / file).read_bytes()
    if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
        errors.append(rules.Error(file, 0, "", m.BAD_CHECKSUM))
    rows = []
    lines = data.decode("utf-8", errors="replace").splitlines()
    if len(lines) != entry.get("count"):
        errors.append(
            rules.Error(file, 0, "", m.BAD_COUNT, {"found": len(lines), "count": entry.get("count")})
        )
    for number, text in enumerate(lines, start=1):
        try:
            record = json.loads(text)
        except ValueError:
            record = None
        if not isinstance(record, dict):
            errors.append(rules.Error(file, number, "", m.BAD_JSON))
            continue
        found = schemas.record_errors(name, version, record)
        if found:
            errors.extend(rules.Error(file, number, f, message, args) for f, message, args in found)
            if isinstance(record.get("id"), str | int):
                malformed.add(record["id"])
            continue
        values, bad_dates = rules.convert(name, record)
        errors.extend(rules.Error(file, number, f, message, args) for f, message, args in bad_dates)
        rows.append((number, values))
    return rows


def _chunks(values: list, size: int = 900):
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _existing(model, column: str, values) -> set:
    found = set()
    for chunk in _chunks(sorted(set(values), key=str)):
        found.update(model.objects.filter(**{f"{column}__in": chunk}).values_list(column, flat=True))
    return found


def _known(records: dict[str, list[tuple[int, dict]]]) -> rules.Known:
    known = rules.Known(
        municipalities=set(Municipality.objects.values_list("code", flat=True)),
        te_offices=set(TeOffice.objects.values_list("code", flat=True)),
        areas=set(EmploymentArea.objects.values_list("code", flat=True)),
    )
    users = {r[f] for rows in records.values() for _l, r in rows for f in USER_FIELDS if r.get(f)}
    known.users = set(_existing(get_user_model(), "username", users))
    for name, rows in records.items():
        ids = [r["id"] for _l, r in rows]
        if name == "persons":
            known.taken[name] = {str(pk) for pk in _existing(Person, "pk", [uuid.UUID(i) for i in ids])}
            known.taken["henkilotunnus"] = _existing(
                Person, "henkilotunnus", [r["henkilotunnus"] for _l, r in rows]
            )
        else:
            known.taken[name] = _existing(MODELS[name], "pk", ids)
    in_file = {r["id"] for _l, r in records.get("persons", [])}
    wanted = {r["person"] for rows in records.values() for _l, r in rows if "person" in r} - in_file
    known.present["persons"] = {str(pk) for pk in _existing(Person, "pk", [uuid.UUID(i) for i in wanted])}
    for name, key in (("customerships", "customership"), ("facts", "corrects")):
        in_file = {r["id"] for _l, r in records.get(name, [])}
        wanted = {r[key] for rows in records.values() for _l, r in rows if r.get(key) is not None} - in_file
        known.present[name] = _existing(MODELS[name], "pk", wanted)
    return known


USER_FIELDS = ("recorded_by", "answered_by", "decided_by")
# Fields whose file value is a code or name of reference data or a user: the model it names and the key.
LOOKUPS = {
    "municipality": (Municipality, "code"),
    "te_office": (TeOffice, "code"),
    "handler_te_office": (TeOffice, "code"),
    "employment_area": (EmploymentArea, "code"),
    **dict.fromkeys(USER_FIELDS, ("user", "username")),
}


class _Lookups:
    def __init__(self):
        self.maps: dict = {}

    def id_of(self, model, key: str, value):
        if value is None:
            return None
        if model == "user":
            model = get_user_model()
        if model not in self.maps:
            self.maps[model] = dict(model.objects.values_list(key, "pk"))
        return self.maps[model][value]


# Columns format v1 does not carry, with the value an imported row gets (it exchanges identified persons).
NOT_IN_THE_FORMAT = {"anonymised_at": None}


def _db_row(name: str, record: dict, lookups: _Lookups) -> dict:
    """The record as the model's column values (attnames)."""
    model = MODELS[name]
    row = {}
    for f in model._meta.concrete_fields:
        if f.name in NOT_IN_THE_FORMAT:
            row[f.attname] = NOT_IN_THE_FORMAT[f.name]
            continue
        value = record[f.name]
        if f.name in LOOKUPS:
            value = lookups.id_of(*LOOKUPS[f.name], value)
        elif f.name in ("id", "person") and name != "notices" and isinstance(value, str):
            value = uuid.UUID(value)
        row[f.attname] = value
    return row


def _insert(model, rows: list[dict]) -> None:
    """Store rows with their primary keys and recorded times as given (no `auto_now_add`): one PostgreSQL
    COPY, or one `executemany` elsewhere."""
    if not rows:
        return
    connection = connections[DEFAULT_DB_ALIAS]  # the connection itself, not the per-thread proxy
    fields = model._meta.concrete_fields
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    copying = connection.vendor == "postgresql"
    prepare = [(f.attname, _preparer(f, connection)) for f in fields]
    values = [[to_db(row[attname]) for attname, to_db in prepare] for row in rows]
    with connection.cursor() as cursor:
        if copying:
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for out in values:
                    copy.write_row(out)
        else:
            marks = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", values)  # noqa: S608


PASSED_AS_THEY_ARE = {
    "CharField",
    "TextField",
    "BooleanField",
    "IntegerField",
    "AutoField",
    "BigAutoField",
    "PositiveIntegerField",
    "DateField",
    "ForeignKey",
}


def _preparer(field, connection):
    """How one field's value goes to the database: JSON as its text (COPY and SQLite take it so), dates,
    strings, numbers and booleans as they are (the drivers adapt them), the rest as the field prepares it."""
    if field.get_internal_type() == "JSONField":
        return lambda v: None if v is None else json.dumps(v, ensure_ascii=False, sort_keys=True)
    kind = field.get_internal_type()
    uuid_key = kind == "ForeignKey" and field.target_field.get_internal_type() == "UUIDField"
    if kind in PASSED_AS_THEY_ARE and not uuid_key:
        return lambda v: v
    return lambda v: field.get_db_prep_save(v, connection)


def _reset_sequences(models: list) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


# --- the jobs ----------------------------------------------------------------------------------------


def exchange_dir() -> Path:
    return Path(settings.EXCHANGE_DIR)


def export_directory(token: str) -> Path:
    return exchange_dir() / "exports" / token


def import_directory(token: str) -> Path:
    return exchange_dir() / "imports" / token


@jobs.task()
def run_export(token: str, types: list[str], exported_on: str, with_csv: bool = False) -> dict:
    manifest = export_to(
        export_directory(token),
        types,
        dt.date.fromisoformat(exported_on),
        with_csv=with_csv,
        progress=jobs.report_progress,
    )
    return {"kind": "export", "token": token, "manifest": manifest}


@jobs.task()
def run_import(token: str) -> dict:
    result = import_from(import_directory(token), progress=jobs.report_progress)
    return {"kind": "import", "token": token, **result.to_json()}


def start_export(types: list[str], exported_on: dt.date, with_csv: bool = False) -> str:
    token = uuid.uuid4().hex
    with transaction.atomic():
        jobs.enqueue(run_export, token, types, exported_on.isoformat(), with_csv)
    return token


def start_import(files: dict[str, bytes]) -> str:
    """Store the uploaded export's files (names without directories) and queue its import."""
    token = uuid.uuid4().hex
    directory = import_directory(token)
    directory.mkdir(parents=True)
    for name, data in files.items():
        (directory / Path(name).name).write_bytes(data)
    with transaction.atomic():
        jobs.enqueue(run_import, token)
    return token


def persons_in(directory: Path, manifest: dict) -> set[uuid.UUID]:
    """The persons whose data an export's files hold: the persons' ids, every record's `person`, and the
    persons of the notices' customerships."""
    found: set[uuid.UUID] = set()
    customerships: set[int] = set()
    for entry in manifest["files"]:
        if entry.get("form", "jsonl") != "jsonl":
            continue
        with (directory / entry["file"]).open(encoding="utf-8") as lines:
            for text in lines:
                record = json.loads(text)
                if entry["type"] == "persons":
                    found.add(uuid.UUID(record["id"]))
                elif "person" in record:
                    found.add(uuid.UUID(record["person"]))
                elif "customership" in record:
                    customerships.add(record["customership"])
    for chunk in _chunks(sorted(customerships)):
        found.update(Customership.objects.filter(pk__in=chunk).values_list("person_id", flat=True))
    return found


def log_handover(user, directory: Path, manifest: dict, what: str) -> int:
    """The access log's entry for every person whose data leaves the system in an export (R-X-2): written
    when the files are handed out (the page's download, the command's directory), in one transaction."""
    persons = [Person(pk=pk) for pk in sorted(persons_in(directory, manifest))]
    with transaction.atomic():
        return len(audit.record(user, persons, what, Purpose.DATA_EXCHANGE))
