"""Words of the job queue that other apps show: the catalogue label, the navigation link, statuses and the
reason a job ends when its worker stopped. Background jobs are "taustatehtävät" / "bakgrundsuppgifter" in
the interface: "työ" and "jobb" would read as employment in this system."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {"jobs.view_jobs": _("See the background tasks and their workers")}
NAV_JOBS = _("Background tasks")
NAV_JOBS_HELP = _("Evaluation runs and other tasks queued to run in the background, with their progress.")

# The task result statuses of django-tasks (READY, RUNNING, SUCCESSFUL, FAILED).
STATUSES = {
    "READY": _("queued"),
    "RUNNING": _("running"),
    "SUCCESSFUL": _("done"),
    "FAILED": _("failed"),
}

WORKER_STOPPED = _("The background worker stopped while the task ran.")
