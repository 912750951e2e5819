"""The service process's state (R-SP-1, R-SP-3, R-PREM-1): service points, meetings and contacts, and the
trial area's own first-contact target.

Deadlines are not stored: `queries.deadlines_for` computes them from the meetings with the rule
`service-deadlines`, so a recorded meeting changes them at once.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.customers.models import Person
from kuntakokeilu.regions.models import Municipality, TrialArea
from kuntakokeilu.workitems.models import WorkItem

from .deadlines import EVENT_TYPES


class Organisation(models.TextChoices):
    MUNICIPALITY = "municipality", _("municipality")
    TE_OFFICE = "te_office", _("TE office")
    KELA = "kela", _("Kela")
    WELLBEING_SERVICES = "wellbeing_services", _("social and health services")
    EDUCATION = "education", _("educational institution")


class ServicePoint(models.Model):
    """palvelupiste / serviceställe: where the area's staff meet job seekers; edited by the area manager."""

    trial_area = models.ForeignKey(TrialArea, on_delete=models.PROTECT, related_name="service_points")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True, default="")
    street_address = models.CharField(_("street address"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=5)
    opening_hours = models.TextField(_("opening hours"))
    organisations = models.JSONField(_("organisations whose staff work here"), default=list)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["trial_area__number", "name_fi"]
        verbose_name = _("service point")

    def __str__(self) -> str:
        return self.name_fi

    def names(self) -> dict[str, str]:
        return {"fi": self.name_fi, "sv": self.name_sv or self.name_fi}


class AreaFirstContactTarget(models.Model):
    """A trial area's own first-contact target in working days, valid from–to (inclusive, null = open);
    never weaker than the statutory initial-interview deadline (`services.set_first_contact_target`)."""

    trial_area = models.ForeignKey(TrialArea, on_delete=models.PROTECT, related_name="first_contact_targets")
    working_days = models.PositiveSmallIntegerField(_("first contact within working days"))
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["trial_area__number", "valid_from"]

    def __str__(self) -> str:
        return f"{self.trial_area_id}: {self.working_days} ({self.valid_from}–{self.valid_to or ''})"


MEETING_TYPE_LABELS = {
    "initial_interview": _("initial interview"),
    "supplementary_discussion": _("supplementary job-search discussion"),
    "job_search_discussion": _("job-search discussion"),
    "periodic_interview": _("interview (before 2.5.2022)"),
    "typ_assessment": _("multi-sector service-need assessment"),
    "typ_start": _("start of the multi-sector joint service"),
    "typ_plan": _("multi-sector plan"),
    "typ_plan_review": _("review of the multi-sector plan"),
    "activation_plan": _("activation plan"),
    "activation_plan_review": _("review of the activation plan"),
    "integration_assessment": _("integration initial assessment"),
}
assert tuple(MEETING_TYPE_LABELS) == EVENT_TYPES


class Channel(models.TextChoices):
    FACE_TO_FACE = "face_to_face", _("face to face")
    PHONE = "phone", _("phone")
    VIDEO = "video", _("video")
    E_SERVICE = "e_service", _("e-service")


class Meeting(models.Model):
    """A meeting or contact with a job seeker: its type, channel, service point, participants and notes.
    A no-show is recorded but satisfies no deadline."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="meetings")
    type = models.CharField(_("type"), max_length=32, choices=list(MEETING_TYPE_LABELS.items()))
    date = models.DateField(_("date"))
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    service_point = models.ForeignKey(
        ServicePoint, null=True, blank=True, on_delete=models.PROTECT, related_name="meetings"
    )
    participants = models.TextField(_("participants"), blank=True, default="")
    notes = models.TextField(_("notes"), blank=True, default="")
    no_show = models.BooleanField(_("the job seeker did not come"), default=False)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["person", "date"])]
        verbose_name = _("meeting")

    def __str__(self) -> str:
        return f"{self.type} {self.date}"


class DueItem(WorkItem):
    """A dated deadline of the rule `service-deadlines` on the worklists (R-SP-2): the next item of a type
    for a person, handled by the municipality whose customer the person is. `services.refresh_deadlines`
    writes them after every recorded meeting: an item met is done, one whose deadline moved is no longer
    due and its successor is written."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="due_items")
    type = models.CharField(_("type"), max_length=32)
    count = models.PositiveSmallIntegerField(null=True, blank=True)
    reference = models.CharField(_("legal reference"), max_length=300)
    rule_version = models.CharField(max_length=60)

    class Meta:
        ordering = ["due_by", "id"]
        indexes = [
            models.Index(fields=["handler_municipality", "due_by"], name="sp_dueitem_handler_due"),
            models.Index(fields=["person", "type"], name="sp_dueitem_person_type"),
            # the open items of a municipality in due order: a worklist page and its counts (issue 16 item 8)
            models.Index(
                fields=["handler_municipality", "due_by"],
                condition=models.Q(done_on__isnull=True, cancelled_on__isnull=True),
                name="sp_dueitem_open_handler_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.type} {self.due_by}"
