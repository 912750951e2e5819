"""The admins' page of export and import jobs and the API of their status (issue 20 items 1 and 6): an
export and an import go on the job queue, the page shows progress, the manifest and an import's errors in
the reader's language; every role but the admin is refused, on the page and through the API; the formats
are public under the API docs."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django_tasks_db.management.commands.db_worker import Worker as DbWorker
from django_tasks_db.models import DBTaskResult

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.access.models import AccessLogEntry, Purpose, RoleAssignment
from kuntakokeilu.access.roles import Role
from kuntakokeilu.customers.models import Person
from kuntakokeilu.exchange import schemas
from tests.jobs.worker import DATABASE_QUEUE

from .conftest import rewrite_line

pytestmark = pytest.mark.django_db
FROZEN = Path(__file__).parent / "data" / "v1"


@pytest.fixture
def queue(settings, tmp_path):
    settings.TASKS = DATABASE_QUEUE
    settings.EXCHANGE_DIR = tmp_path / "exchange"
    ensure_demo_users()


def run_queued() -> None:
    """What the worker does with each queued job, in this process."""
    for result in DBTaskResult.objects.filter(status="READY").order_by("enqueued_at"):
        result.claim("test:1:x")
        DbWorker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test:1:x",
            excluded_queue_names=[],
        ).run_task(result)


def zipped(directory: Path) -> io.BytesIO:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        for path in sorted(directory.iterdir()):
            archive.write(path, f"export/{path.name}")
    data.seek(0)
    data.name = "export.zip"
    return data


def admin_client(client):
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


def test_admin_exports_downloads_and_imports_with_errors_then_without(client, queue, tmp_path):
    admin_client(client)
    page = client.get(reverse("exchange:jobs"))
    assert page.status_code == 200 and "Ei vielä vientejä eikä tuonteja." in page.content.decode()

    # the frozen export with one bad record: nothing imported, the error on the job's page in Finnish
    bad = tmp_path / "bad"
    bad.mkdir()
    for path in FROZEN.iterdir():
        (bad / path.name).write_bytes(path.read_bytes())
    rewrite_line(bad, "facts", 7, lambda r: r.update(valid_from="2022-02-30"))
    answer = client.post(reverse("exchange:import"), {"file": zipped(bad)})
    assert answer.status_code == 302
    run_queued()
    job = DBTaskResult.objects.get()
    assert job.status == "SUCCESSFUL" and not Person.objects.exists()
    detail = client.get(reverse("exchange:job", args=[job.pk])).content.decode()
    assert "Tuonnissa löytyi 1 virhe. Mitään ei tuotu." in detail
    assert "facts.jsonl" in detail and "valid_from" in detail and "Päivämäärä ei ole oikea." in detail
    api = client.get(reverse("api:exchange-job", args=[job.pk]), HTTP_ACCEPT_LANGUAGE="sv").json()
    assert api["errors"] == [
        {"file": "facts.jsonl", "line": 7, "field": "valid_from", "message": "Datumet är inte giltigt."}
    ]

    # the good one imports whole
    client.post(reverse("exchange:import"), {"file": zipped(FROZEN)})
    run_queued()
    assert Person.objects.count() == 11

    # an export of what was imported, downloaded as a .zip: the frozen files again
    answer = client.post(reverse("exchange:export"), {"types": list(schemas.TYPES), "as_of": "5.9.2022"})
    assert answer.status_code == 302
    run_queued()
    export = DBTaskResult.objects.filter(task_path__endswith="run_export").get()
    detail = client.get(reverse("exchange:job", args=[export.pk])).content.decode()
    assert "persons.v1.json" in detail and "Lataa vienti (.zip)" in detail
    download = client.get(reverse("exchange:download", args=[export.pk]))
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert {name: archive.read(name) for name in archive.namelist()} == {
        p.name: p.read_bytes() for p in FROZEN.iterdir()
    }
    # R-X-2: the download is in the access log, one entry for each of the 11 persons whose data left
    logged = AccessLogEntry.objects.filter(what="exchange:download", purpose=Purpose.DATA_EXCHANGE)
    assert set(logged.values_list("person_id", flat=True)) == set(Person.objects.values_list("pk", flat=True))
    assert logged.count() == 11 and {e.user.username for e in logged} == {"admin"}
    listing = client.get(reverse("exchange:jobs")).content.decode()
    assert listing.count('href="/exchange/') >= 3
    jobs = client.get(reverse("api:exchange-jobs")).json()
    assert [(j["kind"], j["status"], j["percent"]) for j in jobs] == [
        ("export", "SUCCESSFUL", 100),
        ("import", "SUCCESSFUL", 100),
        ("import", "SUCCESSFUL", 100),
    ]
    assert jobs[1]["counts"]["persons"] == 11 and jobs[2]["errors"][0]["line"] == 7


def test_a_bad_form_starts_nothing(client, queue):
    admin_client(client)
    answer = client.post(reverse("exchange:export"), {"types": ["mayors"]})
    assert answer.status_code == 200 and not DBTaskResult.objects.exists()
    not_zip = io.BytesIO(b"persons")
    not_zip.name = "persons.jsonl"
    answer = client.post(reverse("exchange:import"), {"file": not_zip})
    assert "Tiedosto ei ole .zip-tiedosto." in answer.content.decode()
    assert not DBTaskResult.objects.exists()


def test_only_admins_see_the_page_and_the_jobs_and_start_them(client, queue):
    admins = set(RoleAssignment.objects.filter(role=Role.ADMIN).values_list("user__username", flat=True))
    assert admins == {"admin"}
    missing = "00000000-0000-0000-0000-000000000003"
    for user in get_user_model().objects.all():
        client.force_login(user)
        allowed = user.username in admins
        assert client.get(reverse("exchange:jobs")).status_code == (200 if allowed else 403)
        assert client.get(reverse("api:exchange-jobs")).status_code == (200 if allowed else 403)
        assert client.get(reverse("api:exchange-job", args=[missing])).status_code == (
            404 if allowed else 403
        )
        assert client.post(reverse("exchange:export"), {"types": ["persons"]}).status_code == (
            302 if allowed else 403
        )
    assert DBTaskResult.objects.count() == 1
    client.logout()
    assert client.get(reverse("api:exchange-jobs")).status_code == 401
    assert client.get(reverse("exchange:jobs")).status_code == 302  # to sign in


def test_the_formats_are_public_under_the_api_docs(client):
    listing = client.get(reverse("api:exchange-formats")).json()
    assert [(f["type"], f["version"]) for f in listing] == [(name, 1) for name in schemas.TYPES]
    schema = client.get(listing[0]["schema"]).json()
    assert schema == json.loads((schemas.DIRECTORY / "persons.v1.json").read_text())
    assert client.get(reverse("api:exchange-format", args=["persons.v9.json"])).status_code == 404
