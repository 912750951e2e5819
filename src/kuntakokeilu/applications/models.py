"""Application rounds, their outcomes, applications and their history (R-APP-1, R-APP-2, R-APP-5).

A round's figures (population reference date, statistics month, planned pilot start) are stored with the
round; the selection conditions are the dated parameters of parameters/selection.yaml, read on the round's
opening date. A `Selection` records one trial area chosen (or enlarged) in one round; the real rounds'
outcomes come from the trial-area data of Act 1269/2020 s. 3 (`services.load_rounds`).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.regions.models import Municipality, TrialArea


class RoundState(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")
    DECIDED = "decided", _("decided")


class Round(models.Model):
    """hakukierros / ansökningsomgång."""

    code = models.SlugField(max_length=40, unique=True)
    name_fi = models.CharField(max_length=120)
    name_sv = models.CharField(max_length=120)
    opens = models.DateField()
    closes = models.DateField()
    population_date = models.DateField(help_text="the year-end whose population the screening uses")
    planned_pilot_start = models.DateField()
    statistics_month = models.CharField(max_length=7, help_text="YYYY-MM of the job-seeker statistics")
    state = models.CharField(max_length=12, choices=RoundState.choices, default=RoundState.OPEN)

    class Meta:
        ordering = ["opens", "code"]
        verbose_name = _("application round")
        verbose_name_plural = _("application rounds")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes__gte=models.F("opens")), name="round_dates_ordered"
            )
        ]

    def __str__(self) -> str:
        return self.code

    def names(self) -> dict[str, str]:
        return {"fi": self.name_fi, "sv": self.name_sv}

    def is_open_on(self, on: dt.date) -> bool:
        return self.state == RoundState.OPEN and self.opens <= on <= self.closes


class UnemployedJobSeekers(models.Model):
    """Unemployed job seekers at the end of a month (TEM / Statistics Finland table 1001, 2020 division)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    month = models.CharField(max_length=7)
    unemployed = models.PositiveIntegerField(
        null=True, blank=True, help_text="empty: suppressed in the source"
    )

    class Meta:
        verbose_name = _("unemployed job seekers of a month")
        verbose_name_plural = _("unemployed job seekers by month")
        ordering = ["municipality__code", "month"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "month"], name="unemployed_once_a_month")
        ]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.month}: {self.unemployed}"


class SelectionDecision(models.Model):
    """A selection decision of a round (valintapäätös): date, decision-maker and grounds."""

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="decisions")
    decided_on = models.DateField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision_maker = models.CharField(max_length=200)
    grounds = models.TextField()
    source = models.TextField(blank=True, help_text="for a recorded historical decision: where it is told")

    class Meta:
        verbose_name = _("selection decision")
        verbose_name_plural = _("selection decisions")
        ordering = ["round__opens", "decided_on", "pk"]

    def __str__(self) -> str:
        return f"{self.round_id} {self.decided_on}"


class Selection(models.Model):
    """One trial area selected or enlarged in one round, with the municipalities it took in then."""

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="selections")
    trial_area = models.ForeignKey(TrialArea, on_delete=models.PROTECT, related_name="selections")
    enlarges = models.BooleanField(default=False)
    municipalities = models.ManyToManyField(Municipality, related_name="+")
    decision = models.ForeignKey(SelectionDecision, on_delete=models.PROTECT, related_name="selections")
    application = models.OneToOneField(
        "Application", null=True, blank=True, on_delete=models.PROTECT, related_name="selection"
    )

    class Meta:
        verbose_name = _("selected trial area")
        verbose_name_plural = _("selected trial areas")
        ordering = ["round__opens", "trial_area__number"]
        constraints = [
            models.UniqueConstraint(fields=["round", "trial_area"], name="area_selected_once_a_round")
        ]

    def __str__(self) -> str:
        return f"{self.round_id}: {self.trial_area_id}"


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    SUPPLEMENT_REQUESTED = "supplement_requested", _("supplement requested")
    SELECTED = "selected", _("selected")
    NOT_SELECTED = "not_selected", _("not selected")
    WITHDRAWN = "withdrawn", _("withdrawn")  # issue 15: by the applicant, before the round's decision


SCREENED_STATUSES = (
    ApplicationStatus.SUBMITTED,
    ApplicationStatus.SUPPLEMENT_REQUESTED,
    ApplicationStatus.SELECTED,
    ApplicationStatus.NOT_SELECTED,
)


class Application(models.Model):
    """hakemus / ansökan: one municipality or several together (R-APP-2). Drafts may be incomplete."""

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="applications")
    name = models.CharField(max_length=200, blank=True)
    lead = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    municipalities = models.ManyToManyField(Municipality, related_name="+")
    extends_area = models.ForeignKey(
        TrialArea, null=True, blank=True, on_delete=models.PROTECT, related_name="enlargement_applications"
    )
    extension_consent = models.BooleanField(null=True, blank=True)
    estimated_customers = models.PositiveIntegerField(null=True, blank=True)
    own_resourcing_eur = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    own_resourcing_person_years = models.DecimalField(max_digits=8, decimal_places=1, null=True, blank=True)
    lms_expenditure_2018_eur = models.JSONField(default=dict, blank=True)
    service_model = models.TextField(blank=True)
    cooperation_structure = models.TextField(blank=True)
    division_of_work = models.TextField(blank=True)
    negotiated_with_ely_on = models.DateField(null=True, blank=True)
    negotiated_with_te_office_on = models.DateField(null=True, blank=True)
    premises = models.TextField(blank=True)
    justification = models.TextField(blank=True)
    status = models.CharField(
        max_length=24, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_on = models.DateField(null=True, blank=True)
    ticked = models.BooleanField(default=False, help_text="ticked in the round's selection view")

    class Meta:
        ordering = ["round__opens", "pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")

    def __str__(self) -> str:
        return self.name or f"{self.round_id}/{self.pk}"


class EventKind(models.TextChoices):
    CREATED = "created", _("created")
    SAVED = "saved", _("saved")
    SUBMITTED = "submitted", _("submitted")
    SUPPLEMENT_REQUESTED = "supplement_requested", _("supplement requested")
    TICKED = "ticked", _("ticked in the selection view")
    UNTICKED = "unticked", _("unticked in the selection view")
    SELECTED = "selected", _("selected")
    NOT_SELECTED = "not_selected", _("not selected")
    WITHDRAWN = "withdrawn", _("withdrawn")


class ApplicationEvent(models.Model):
    """The history of an application: append-only (who, when, what changed)."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    on = models.DateField(help_text="the day on the injected clock")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=24, choices=EventKind.choices)
    changes = models.JSONField(default=dict, blank=True, help_text="field: [before, after]")
    note = models.TextField(blank=True)

    class Meta:
        verbose_name = _("application event")
        verbose_name_plural = _("application events")
        ordering = ["application", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.application_id} {self.on} {self.kind}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("an application's history is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("an application's history is append-only")
