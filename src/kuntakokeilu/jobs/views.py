"""The admins' page of background tasks: what is queued, running, done or failed, and which workers run."""

from django.shortcuts import render

from kuntakokeilu.access.decorators import requires

from . import queries


@requires("jobs.view_jobs")
def jobs(request):
    return render(
        request, "jobs/jobs.html", {"jobs": queries.recent_jobs(), "workers": queries.worker_rows()}
    )
