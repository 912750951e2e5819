"""What the job queue keeps beside django-tasks-db's own task results: the workers and each job's progress."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Worker(models.Model):
    """A running `kuntakokeilu worker` process: written when it starts, its heartbeat while it runs, deleted
    when it stops in order. A row that stays behind is a worker that died (see `workers.is_alive`)."""

    worker_id = models.CharField(max_length=64, primary_key=True)  # host:pid:token, in the task results
    host = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now)  # the last heartbeat

    class Meta:
        verbose_name = _("job worker")
        verbose_name_plural = _("job workers")
        ordering = ["started_at"]

    def __str__(self) -> str:
        return self.worker_id


class Progress(models.Model):
    """How far a job has come, as the job itself reports it: percent and a step code of the domain app."""

    job = models.OneToOneField(
        "django_tasks_database.DBTaskResult",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="progress",
    )
    percent = models.PositiveSmallIntegerField(default=0)  # 0–100
    step = models.CharField(max_length=60, blank=True)  # the app's step code, e.g. estimates:baseline
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("progress of a job")
        verbose_name_plural = _("progress of jobs")

    def __str__(self) -> str:
        return f"{self.job_id}: {self.percent} % {self.step}"
