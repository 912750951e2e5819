"""The status of retention runs through the API (R-X-4), with each demo user's permissions (R-X-1): the admins
read runs; everyone else gets 403 on the list and, on a run, the same 404 as for a run that does not exist."""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from kuntakokeilu.access.demo import DEMO_USERS, ensure_demo_users
from kuntakokeilu.retention import services
from kuntakokeilu.retention.models import RetentionRun, Status

pytestmark = pytest.mark.django_db

EXPECTED = {name: (403, 404) for name, *_rest in DEMO_USERS} | {"admin": (200, 200)}


@pytest.fixture
def run(db):
    ensure_demo_users()
    run = services.create(dt.date(2030, 1, 1), dry_run=True)
    services.execute(run.pk)
    return RetentionRun.objects.get(pk=run.pk)


@pytest.mark.parametrize("username", sorted(name for name, *_rest in DEMO_USERS))
def test_every_role(run, username, django_user_model):
    api = APIClient()
    api.force_authenticate(django_user_model.objects.get(username=username))
    listed = api.get("/api/v1/retention/runs/")
    one = api.get(f"/api/v1/retention/runs/{run.pk}/")
    missing = api.get("/api/v1/retention/runs/999999999/")
    assert (listed.status_code, one.status_code) == EXPECTED[username]
    if username == "admin":
        assert [r["id"] for r in listed.json()] == [run.pk]
        body = one.json()
        assert (body["status"], body["dry_run"], body["on"]) == (Status.DONE, True, "2030-01-01")
        assert body["period_months"] == 60
        assert body["anonymised"] == 0 and body["examined"] == body["due"] + body["kept"]
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "retention_run_not_found"
    else:
        assert one.json() == missing.json()  # a refused run is a missing one (R-X-2)


def test_anonymous_callers_get_401(run):
    api = APIClient()
    assert api.get("/api/v1/retention/runs/").status_code == 401
    assert api.get(f"/api/v1/retention/runs/{run.pk}/").status_code == 401
