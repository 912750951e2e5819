"""Retention runs (R-X-4; issue 20 item 3): each run on the job queue is logged with its date, the period
applied, whether it was a dry run, its status and its counts (persons examined, due, anonymised, kept, and the
rows cleared per table). The persons themselves are not listed: an anonymised person is nobody's to find."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


class RetentionRun(models.Model):
    on = models.DateField(_("run date"))
    period_months = models.PositiveSmallIntegerField(_("retention period (months)"), null=True, blank=True)
    dry_run = models.BooleanField(_("dry run"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("started by"),
    )
    created_at = models.DateTimeField(_("queued at"), default=timezone.now)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    examined = models.PositiveIntegerField(_("persons examined"), default=0)
    due = models.PositiveIntegerField(_("persons due"), default=0)
    anonymised = models.PositiveIntegerField(_("persons anonymised"), default=0)
    kept = models.PositiveIntegerField(_("persons kept"), default=0)
    # rows changed per table ("app.Model": n), e.g. {"service_process.Meeting": 3}
    cleared = models.JSONField(_("rows cleared per table"), default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")

    def __str__(self) -> str:
        return f"retention {self.on} #{self.pk} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (Status.DONE, Status.FAILED)
