"""Reads of the exchange app: each record type's rows in the export's order (by natural keys), and the
export and import jobs with their results for the admins' page and the API.

Format v1 carries identified job seekers: a person anonymised by retention (`Person.anonymised_at`, R-X-4)
and the records that hang on them are not exported (their identity code and names no longer satisfy the
schema; carrying them is a later format version's)."""

from __future__ import annotations

from collections.abc import Iterator

from django_tasks_db.models import DBTaskResult

from kuntakokeilu.customers.models import Customership, Fact, Notice, Person, TransferRequest

from .formats import DATES, STAMPS, date_text, stamp_text

CHUNK = 5000


def _rows(queryset, columns: dict[str, str], name: str) -> Iterator[dict]:
    """`columns` maps the file's field to the queryset's value path."""
    fields = list(columns)
    dates = [fields.index(f) for f in DATES[name]]
    stamps = [fields.index(f) for f in STAMPS[name]]
    for values in queryset.values_list(*columns.values()).iterator(chunk_size=CHUNK):
        row = list(values)
        for i in dates:
            row[i] = date_text(row[i])
        for i in stamps:
            row[i] = stamp_text(row[i])
        yield dict(zip(fields, row, strict=True))


def persons() -> Iterator[dict]:
    columns = {f: f for f in ("id", "henkilotunnus", "birth_date", "first_name", "last_name")}
    columns |= {"service_language": "service_language", "created_at": "created_at"}
    for row in _rows(
        Person.objects.filter(anonymised_at__isnull=True).order_by("henkilotunnus"), columns, "persons"
    ):
        row["id"] = str(row["id"])
        yield row


def facts() -> Iterator[dict]:
    columns = {
        "id": "id",
        "person": "person_id",
        "kind": "kind",
        "valid_from": "valid_from",
        "municipality": "municipality__code",
        "code": "code",
        "flag": "flag",
        "date_value": "date_value",
        "end_date": "end_date",
        "reported_on": "reported_on",
        "recorded_at": "recorded_at",
        "recorded_by": "recorded_by__username",
        "source": "source",
        "reason": "reason",
        "corrects": "corrects_id",
        "superseded": "superseded",
    }
    order = ("person__henkilotunnus", "kind", "valid_from", "recorded_at", "id")
    for row in _rows(
        Fact.objects.filter(person__anonymised_at__isnull=True).order_by(*order), columns, "facts"
    ):
        row["person"] = str(row["person"])
        yield row


def customerships() -> Iterator[dict]:
    columns = {
        "id": "id",
        "person": "person_id",
        "responsible": "responsible",
        "municipality": "municipality__code",
        "te_office": "te_office__code",
        "employment_area": "employment_area__code",
        "valid_from": "valid_from",
        "valid_to": "valid_to",
        "ground": "ground",
        "request_reason": "request_reason",
        "accepted_on": "accepted_on",
        "rule_version": "rule_version",
        "decision": "decision",
        "recorded_at": "recorded_at",
        "recorded_by": "recorded_by__username",
    }
    queryset = Customership.objects.filter(person__anonymised_at__isnull=True).order_by(
        "person__henkilotunnus", "valid_from"
    )
    for row in _rows(queryset, columns, "customerships"):
        row["person"] = str(row["person"])
        yield row


def notices() -> Iterator[dict]:
    columns = {f: f for f in ("id", "recipient", "language", "data", "created_at")}
    columns["customership"] = "customership_id"
    order = ("customership__person__henkilotunnus", "customership__valid_from", "recipient")
    yield from _rows(
        Notice.objects.filter(customership__person__anonymised_at__isnull=True).order_by(*order),
        columns,
        "notices",
    )


def transfer_requests() -> Iterator[dict]:
    columns = {
        "id": "id",
        "person": "person_id",
        "asked_on": "asked_on",
        "ground": "ground",
        "reason": "reason",
        "municipality": "municipality__code",
        "services_secured": "services_secured",
        "handler_te_office": "handler_te_office__code",
        "status": "status",
        "accepted_on": "accepted_on",
        "answered_by": "answered_by__username",
        "decided_on": "decided_on",
        "decided_by": "decided_by__username",
        "customership": "customership_id",
        "recorded_at": "recorded_at",
        "recorded_by": "recorded_by__username",
    }
    order = ("person__henkilotunnus", "asked_on", "recorded_at", "id")
    for row in _rows(
        TransferRequest.objects.filter(person__anonymised_at__isnull=True).order_by(*order),
        columns,
        "transfer_requests",
    ):
        row["person"] = str(row["person"])
        yield row


READERS = {
    "persons": persons,
    "facts": facts,
    "customerships": customerships,
    "notices": notices,
    "transfer_requests": transfer_requests,
}

# --- the jobs ---
EXPORT_TASK = "kuntakokeilu.exchange.services.run_export"
IMPORT_TASK = "kuntakokeilu.exchange.services.run_import"
TASKS = (EXPORT_TASK, IMPORT_TASK)


def jobs(limit: int = 100):
    """The newest export and import jobs with their progress."""
    return list(
        DBTaskResult.objects.filter(task_path__in=TASKS)
        .select_related("progress")
        .order_by("-enqueued_at")[:limit]
    )


def job(pk) -> DBTaskResult | None:
    return DBTaskResult.objects.filter(task_path__in=TASKS, pk=pk).select_related("progress").first()


def summary(result: DBTaskResult) -> dict:
    """One job as the page and the API show it: kind, status, progress, and its result (an export's
    manifest; an import's counts and errors, as message ids and arguments)."""
    from django_tasks_db.compat import TaskResultStatus

    value = result.return_value if result.status == TaskResultStatus.SUCCESSFUL else None
    value = value if isinstance(value, dict) else {}
    args = result.args_kwargs.get("args", []) if isinstance(result.args_kwargs, dict) else []
    progress = getattr(result, "progress", None)
    percent = 100 if result.status == TaskResultStatus.SUCCESSFUL else (progress.percent if progress else 0)
    kind = "export" if result.task_path == EXPORT_TASK else "import"
    return {
        "id": str(result.pk),
        "kind": kind,
        "status": result.status,
        "enqueued_at": result.enqueued_at,
        "started_at": result.started_at,
        "finished_at": result.finished_at,
        "percent": percent,
        "step": progress.step if progress else "",
        "token": value.get("token") or (args[0] if args else ""),
        "types": args[1] if kind == "export" and len(args) > 1 else [],
        "manifest": value.get("manifest"),
        "counts": value.get("counts") or {},
        "errors": value.get("errors") or [],
    }
