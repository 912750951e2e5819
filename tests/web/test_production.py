"""Production serving (issue 12, item 7; R-X-6: customer data are secret, R-X-1): `/healthz` answers for
the database and the job queue without telling anything about anyone, logs are JSON lines, static files
come through WhiteNoise."""

import json
import logging
import os

import pytest
from django.utils import timezone

from kuntakokeilu.jobs.models import Worker
from kuntakokeilu.jobs.workers import this_host
from kuntakokeilu.logs import JsonFormatter

pytestmark = pytest.mark.django_db


def test_healthz_is_503_without_a_worker_and_200_with_one(client):
    Worker.objects.all().delete()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "failing", "database": "ok", "jobs": "no worker"}
    now = timezone.now()
    Worker.objects.create(worker_id="w", host=this_host(), pid=os.getpid(), started_at=now, seen_at=now)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "jobs": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_a_worker_gone_silent_does_not_count(client):
    old = timezone.now() - timezone.timedelta(hours=1)
    Worker.objects.all().delete()
    Worker.objects.create(worker_id="w", host=this_host(), pid=os.getpid(), started_at=old, seen_at=old)
    assert client.get("/healthz").status_code == 503


@pytest.mark.nodb
def test_log_lines_are_json_objects():
    record = logging.LogRecord("kuntakokeilu", logging.WARNING, __file__, 1, "Töitä %s", ("jonossa",), None)
    line = json.loads(JsonFormatter().format(record))
    assert (
        line["level"] == "WARNING" and line["message"] == "Töitä jonossa" and line["logger"] == "kuntakokeilu"
    )
    assert line["time"].endswith("+00:00")


def test_static_files_are_served_by_whitenoise(settings):
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE
