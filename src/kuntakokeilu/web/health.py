"""`/healthz` for a load balancer or an orchestrator (docs/operations.md): the database answers and the job
queue has a live worker. 200 with `{"status": "ok", …}`, else 503 naming what failed. Public, and it tells
nothing about anyone: no counts of persons, no versions."""

from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from kuntakokeilu.access.decorators import requires
from kuntakokeilu.jobs.queries import live_worker_count


def _database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


@never_cache
@requires("web.view_public")
def healthz(request):
    checks = {"database": "ok" if _database() else "failing"}
    if checks["database"] == "ok":
        checks["jobs"] = "ok" if live_worker_count() else "no worker"
    healthy = all(v == "ok" for v in checks.values())
    return JsonResponse({"status": "ok" if healthy else "failing", **checks}, status=200 if healthy else 503)
