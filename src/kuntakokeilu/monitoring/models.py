"""Monthly monitoring (R-MON-2, R-MON-3; issue 19), the DHIS2 model: org unit × period × indicator.

Org units are not stored: a value names its unit by level and code (a municipality's code, a trial area's
number, an ELY centre's code; the whole pilot and the rest of mainland Finland have none), read from the
reference data (`orgunits.py`). A trial area's month is a `MonthVersion`: computed → reviewed → approved
(locked); a correction after approval starts the next version and keeps the old one (the current
version of a month is its highest). The whole pilot's
month (ELY areas, the pilot, the comparison unit) is a `MonthVersion` without a trial area. Every change of
state is a `MonthEvent` (append-only)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.regions.models import TrialArea


class Level(models.TextChoices):
    MUNICIPALITY = "municipality", _("municipality")
    TRIAL_AREA = "trial_area", _("trial area")
    ELY = "ely", _("ELY centre area")
    PILOT = "pilot", _("the whole pilot")
    REST = "rest", _("rest of mainland Finland")


class State(models.TextChoices):
    COMPUTED = "computed", _("computed")
    REVIEWED = "reviewed", _("reviewed")
    APPROVED = "approved", _("approved")


class Locked(Exception):
    """An approved month never changes: a correction is a new version (the approved one is kept)."""


class MonthVersion(models.Model):
    trial_area = models.ForeignKey(
        TrialArea, null=True, blank=True, on_delete=models.PROTECT, related_name="monitoring_months"
    )
    month = models.DateField(_("month"), help_text="the first day of the month")
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.COMPUTED)
    computed_at = models.DateTimeField(_("computed at"), null=True, blank=True)
    reason = models.TextField(_("reason for the correction"), blank=True, default="")

    class Meta:
        verbose_name = _("month of monitoring")
        verbose_name_plural = _("months of monitoring")
        ordering = ["trial_area__number", "month", "version"]
        constraints = [
            models.UniqueConstraint(fields=["trial_area", "month", "version"], name="mon_one_version"),
            models.UniqueConstraint(
                fields=["month", "version"],
                condition=models.Q(trial_area__isnull=True),
                name="mon_one_pilot_version",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.trial_area_id} {self.month:%Y-%m} v{self.version}"

    @property
    def locked(self) -> bool:
        return self.state == State.APPROVED


class IndicatorValue(models.Model):
    month_version = models.ForeignKey(MonthVersion, on_delete=models.CASCADE, related_name="values")
    indicator = models.CharField(_("indicator"), max_length=40)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    unit = models.CharField(_("org unit"), max_length=8, blank=True, default="")
    breakdown = models.CharField(_("breakdown"), max_length=80, blank=True, default="")
    numerator = models.IntegerField(_("numerator"))
    denominator = models.IntegerField(_("denominator"), null=True, blank=True)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(
                fields=["month_version", "indicator", "level", "unit", "breakdown"], name="mon_one_value"
            )
        ]

    def __str__(self) -> str:
        return (
            f"{self.indicator} {self.level}:{self.unit} {self.breakdown} {self.numerator}/{self.denominator}"
        )


class MonthEvent(models.Model):
    """Append-only history of a month's versions: who changed the state, when and why."""

    month_version = models.ForeignKey(MonthVersion, on_delete=models.PROTECT, related_name="events")
    state = models.CharField(_("state"), max_length=12, choices=State.choices)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"), blank=True, default="")

    class Meta:
        verbose_name = _("event of a month")
        verbose_name_plural = _("events of months")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.month_version_id} {self.state}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise Locked("the history of a month is append-only")
        super().save(*args, **kwargs)
