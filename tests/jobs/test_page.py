"""The admins' list of background tasks (issue 11, R-X-1): admins only; each task's status, times, progress
and error, in the reader's language; the workers and whether they are alive."""

import datetime as dt
import os

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.jobs import workers
from kuntakokeilu.jobs.models import Progress, Worker
from kuntakokeilu.jobs.services import WorkerLost

pytestmark = pytest.mark.django_db
USERS = ["aino.virtanen", "juha.heikkinen", "kaisa.jarvinen", "elina.laine", "tuomas.koskinen", "admin"]


def make_jobs():
    """A running job with its progress, one whose worker died, one that failed of itself, one done."""
    now = timezone.now()

    def job(status, **fields):
        return DBTaskResult.objects.create(
            task_path="kuntakokeilu.evaluation.services.run_evaluation",
            args_kwargs={"args": [1], "kwargs": {}},
            backend_name="default",
            status=status,
            worker_ids=["vm:123:abcd1234"],
            **fields,
        )

    running = job("RUNNING", started_at=now)
    Progress.objects.create(job=running, percent=40, step="placebos")
    lost = job("FAILED", started_at=now, finished_at=now)
    lost.set_failed(WorkerLost("the worker stopped while the job ran"))
    broken = job("FAILED", started_at=now, finished_at=now)
    broken.set_failed(ZeroDivisionError("division by zero"))
    job("SUCCESSFUL", started_at=now, finished_at=now)
    here = workers.this_host()
    Worker.objects.create(worker_id=f"{here}:{os.getpid()}:alive", host=here, pid=os.getpid(), seen_at=now)
    old = now - dt.timedelta(hours=1)
    Worker.objects.create(worker_id="elsewhere:2:gone", host="elsewhere", pid=2, seen_at=old)


@pytest.fixture
def users():
    ensure_demo_users()
    return {name: get_user_model().objects.get(username=name) for name in USERS}


@pytest.mark.parametrize("username", USERS)
def test_only_admins_see_the_tasks(client, users, username):
    client.force_login(users[username])
    assert client.get("/jobs/").status_code == (200 if username == "admin" else 403)


def test_anonymous_users_are_sent_to_sign_in(client):
    assert client.get("/jobs/").status_code == 302


@pytest.mark.parametrize(
    ("lang", "texts"),
    [
        ("fi", ["Taustatehtävät", "käynnissä", "valmis", "epäonnistui", "Taustaprosessi pysähtyi", "ei:"]),
        (
            "sv",
            ["Bakgrundsuppgifter", "pågår", "klar", "misslyckades", "Bakgrundsprocessen stoppades", "nej:"],
        ),
    ],
)
def test_the_list_shows_status_progress_and_error_in_the_readers_language(client, users, lang, texts):
    make_jobs()
    client.force_login(users["admin"])
    page = client.get("/jobs/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    for text in texts:
        assert text in page, text
    assert "40 % <code>placebos</code>" in page
    assert "ZeroDivisionError: division by zero" in page
    assert page.count("kuntakokeilu.evaluation.services.run_evaluation") == 4
    assert "vm:123" in page  # the worker that ran it: host and pid
