"""Stored what-ifs (issue 13): the rule, the dates, the parameter edits, who ran it, status and progress, and
the results (counts under the law and under the edits, side by side) with the persons who change side."""

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


class WhatIf(models.Model):
    name = models.CharField(_("name"), max_length=100)
    rule = models.CharField(max_length=40, default="target-group")
    round_code = models.CharField(max_length=40, blank=True)  # application-screening: the round screened
    dates = models.JSONField()  # ISO dates: the snapshot date, then any month-ends of the series
    edits = models.JSONField()  # [rules.overlay.Edit.to_json()]
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="whatifs"
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=8, default="fi")  # the language of the error message
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # percent, 0–100
    error = models.TextField(blank=True)
    # target-group: {"snapshots": [compute.Snapshot.to_json()]}; application-screening:
    # {"round", "opens", "applications": [{id, name, lead, municipalities, ely, law, whatif, changes}]}
    results = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("what-if")
        verbose_name_plural = _("what-ifs")

    def __str__(self) -> str:
        return f"{self.name} #{self.pk} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (Status.DONE, Status.FAILED)


class Change(models.Model):
    """A person who is in the target group under one parameter set and not under the other, on a date."""

    whatif = models.ForeignKey(WhatIf, on_delete=models.CASCADE, related_name="changes")
    on = models.DateField()
    person = models.ForeignKey("customers.Person", on_delete=models.CASCADE, related_name="+")
    kunta_code = models.CharField(max_length=3)
    joins = models.BooleanField()  # True: in under the edits only; False: in under the law only

    class Meta:
        verbose_name = _("person who changes side")
        verbose_name_plural = _("persons who change side")
        indexes = [models.Index(fields=["whatif", "on"])]

    def __str__(self) -> str:
        return f"{self.whatif_id} {self.on} {self.kunta_code} {'joins' if self.joins else 'leaves'}"
