"""Evaluation runs started from the page (R-EVAL-3): who, when, the specification, status and progress."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class EvaluationRun(models.Model):
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="evaluation_runs"
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    spec = models.JSONField()
    language = models.CharField(max_length=8, default="fi")  # the language of the error message
    status = models.CharField(max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # percent, 0–100
    step = models.CharField(max_length=60, blank=True)  # runner step code, e.g. estimates:baseline
    error = models.TextField(blank=True)
    output_dir = models.CharField(max_length=100, blank=True)  # under settings.EVALUATION_RUNS_DIR
    headline = models.JSONField(null=True, blank=True)  # the baseline TWFE row of results.json

    class Meta:
        verbose_name = _("evaluation run")
        verbose_name_plural = _("evaluation runs")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.spec.get('name', '')} #{self.pk} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (RunStatus.DONE, RunStatus.FAILED)

    def output_path(self) -> Path:
        return Path(settings.EVALUATION_RUNS_DIR) / self.output_dir
