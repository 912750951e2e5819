"""The service process's state (R-SP-1, R-SP-3, R-PREM-1): service points, meetings and contacts, and the
trial area's own first-contact target.

Deadlines are not stored: `queries.deadlines_for` computes them from the meetings with the rule
`service-deadlines`, so a recorded meeting changes them at once.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

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
        verbose_name_plural = _("service points")
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
        verbose_name = _("trial area's first-contact target")
        verbose_name_plural = _("trial areas' first-contact targets")
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
        verbose_name_plural = _("meetings")
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
        verbose_name = _("deadline on the worklist")
        verbose_name_plural = _("deadlines on the worklists")
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


class CustomerAssignment(models.Model):
    """A job seeker assigned to a case worker (omat asiakkaat / egna kunder, R-SP-2) from `valid_from` to
    `valid_to` (inclusive, null = open); at most one open per person (the constraint). Written only by
    `assignments.assign`, which closes the previous one the day before the next begins."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="service_assignments")
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("assignment of a customer")
        verbose_name_plural = _("assignments of customers")
        ordering = ["person_id", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=models.Q(valid_to__isnull=True), name="sp_one_open_assignment"
            ),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="sp_assignment_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["worker", "valid_from"], name="sp_assignment_worker")]

    def __str__(self) -> str:
        return f"{self.person_id} → {self.worker_id} ({self.valid_from}–{self.valid_to or ''})"


class AreaEscalationThreshold(models.Model):
    """A trial area's own escalation threshold: open items overdue for more than `working_days` working
    days reach the area manager's list (R-SP-2), valid from–to (inclusive, null = open). Without one the
    project policy `service_process.escalation_working_days` holds (`assignments.escalation_days`)."""

    trial_area = models.ForeignKey(TrialArea, on_delete=models.PROTECT, related_name="escalation_thresholds")
    working_days = models.PositiveSmallIntegerField(_("escalated after working days"))
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("trial area's escalation threshold")
        verbose_name_plural = _("trial areas' escalation thresholds")
        ordering = ["trial_area__number", "valid_from"]

    def __str__(self) -> str:
        return f"{self.trial_area_id}: {self.working_days} ({self.valid_from}–{self.valid_to or ''})"


# --- the job seeker's reported applications (issue 17 item 2; R-SP-5) ---------------------------------
class ApplicationKind(models.TextChoices):
    """What the job seeker applied for; an application for a job the authority offered counts (JTYPL 3:4)."""

    VACANCY = "vacancy", _("an open vacancy")
    JOB_OFFER = "job_offer", _("a job offered by the authority")
    OPEN_APPLICATION = "open_application", _("an open application to an employer")


class JobApplication(models.Model):
    """An application the job seeker reported, recorded by staff (until the customer's own channel exists);
    counted against the review periods of the rule `job-search-obligation`. Append-only: a row is never
    changed or deleted (a wrong entry stays on record)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="job_applications")
    applied_on = models.DateField(_("applied on"))
    employer = models.CharField(_("employer"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200)
    kind = models.CharField(_("kind of application"), max_length=20, choices=ApplicationKind.choices)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name_plural = _("reported applications")
        ordering = ["applied_on", "id"]
        indexes = [models.Index(fields=["person", "applied_on"], name="sp_jobapp_person_day")]
        verbose_name = _("reported application")

    def __str__(self) -> str:
        return f"{self.applied_on} {self.employer}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("a reported application is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("a reported application is append-only")


# --- The service-need assessment (issue 16 item 4, R-SP-4) ---------------------------------------------
# palvelutarpeen arviointi / bedömning av servicebehovet (JTYPL 2:11, law notes §3.2–3.3): per area a
# structured value and free text. A review writes a new version; nothing is overwritten (history kept).
# Work and functional capacity and the needs for social, health and rehabilitation services are
# special-category data (GDPR art. 9) in their own table, read only through `view_health_needs`.


class SkillsAndGoals(models.TextChoices):
    MATCH = "match", _("skills match the goal")
    NEED_UPDATING = "need_updating", _("skills need updating for the goal")
    GOAL_UNCLEAR = "goal_unclear", _("the goal is still to be clarified")


class TrainingNeed(models.TextChoices):
    NONE = "none", _("no training need")
    SUPPLEMENTARY = "supplementary", _("supplementary training")
    DEGREE = "degree", _("a vocational or other degree")
    LANGUAGE = "language", _("language training")


class JobSearchSkills(models.TextChoices):
    GOOD = "good", _("good")
    NEEDS_SUPPORT = "needs_support", _("needs support")
    NEEDS_MUCH_SUPPORT = "needs_much_support", _("needs a lot of support")


class Likelihood(models.TextChoices):
    LOW = "low", _("low")
    MEDIUM = "medium", _("medium")
    HIGH = "high", _("high")


class WorkCapacity(models.TextChoices):
    FULL = "full", _("full")
    REDUCED = "reduced", _("reduced")
    UNCLEAR = "unclear", _("unclear, to be assessed")


class ServiceNeed(models.TextChoices):
    NONE = "none", _("no need")
    YES = "yes", _("needs services")


class AppendOnlyVersion(Exception):
    pass


class Assessment(models.Model):
    """One version of a job seeker's service-need assessment (R-SP-4): the areas that are not
    special-category data. Append-only: a review is a new version (`assessment.record_assessment`)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assessments")
    version = models.PositiveIntegerField()
    assessed_on = models.DateField(_("date of the assessment"))
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="assessments"
    )
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    skills_goals = models.CharField(_("skills and goals"), max_length=20, choices=SkillsAndGoals.choices)
    skills_goals_text = models.TextField(blank=True, default="")
    training_need = models.CharField(_("training need"), max_length=20, choices=TrainingNeed.choices)
    training_need_text = models.TextField(blank=True, default="")
    job_search_skills = models.CharField(
        _("job-search skills"), max_length=20, choices=JobSearchSkills.choices
    )
    job_search_skills_text = models.TextField(blank=True, default="")
    unemployment_risk = models.CharField(
        _("probability of prolonged unemployment"), max_length=20, choices=Likelihood.choices
    )
    unemployment_risk_text = models.TextField(blank=True, default="")
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name_plural = _("service-need assessments")
        ordering = ["person", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["person", "version"], name="sp_assessment_person_version")
        ]
        verbose_name = _("service-need assessment")

    def __str__(self) -> str:
        return f"{self.person_id} v{self.version} {self.assessed_on}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyVersion("an assessment version is never changed: record a new one")
        super().save(*args, **kwargs)


class AssessmentHealth(models.Model):
    """The special-category part of an assessment version (GDPR art. 9; R-SP-4): work and functional
    capacity and the needs for social, health and rehabilitation services. Read only through the action
    `service_process.view_health_needs`; every reading logged with its own purpose."""

    assessment = models.OneToOneField(
        Assessment, primary_key=True, on_delete=models.CASCADE, related_name="health"
    )
    work_capacity = models.CharField(
        _("work and functional capacity"), max_length=20, choices=WorkCapacity.choices
    )
    work_capacity_text = models.TextField(blank=True, default="")
    social_services = models.CharField(
        _("need for social services"), max_length=20, choices=ServiceNeed.choices
    )
    social_services_text = models.TextField(blank=True, default="")
    health_services = models.CharField(
        _("need for health services"), max_length=20, choices=ServiceNeed.choices
    )
    health_services_text = models.TextField(blank=True, default="")
    rehabilitation = models.CharField(
        _("need for rehabilitation services"), max_length=20, choices=ServiceNeed.choices
    )
    rehabilitation_text = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = _("special-category part of a service-need assessment")
        verbose_name_plural = _("special-category parts of service-need assessments")

    def __str__(self) -> str:
        return f"{self.assessment_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyVersion("an assessment version is never changed: record a new one")
        super().save(*args, **kwargs)


# --- Why a job search ended (issue 17 item 6) -----------------------------------------------------------
# Recorded when the job search ends: monitoring and the evaluation count exits by reason
# (`queries_exit.exits_by_reason`). Append-only, one reason per person and end date.


class EndReason(models.TextChoices):
    OPEN_MARKET = "open_market", _("employment on the open labour market")
    SUBSIDISED = "subsidised", _("subsidised employment")
    EDUCATION = "education", _("education")
    OUTSIDE_LABOUR_FORCE = "outside_labour_force", _("outside the labour force")
    MOVED = "moved", _("moved away")
    OTHER = "other", pgettext_lazy("end reason", "other")


class JobSearchEndReason(models.Model):
    """Why a job seeker's job search (unemployment) ended on `ended_on`."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="job_search_end_reasons")
    ended_on = models.DateField(_("job search ended on"))
    reason = models.CharField(_("reason the job search ended"), max_length=30, choices=EndReason.choices)
    text = models.TextField(_("more about the reason"), blank=True, default="")
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("reason the job search ended")
        verbose_name_plural = _("reasons job searches ended")
        ordering = ["-ended_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["person", "ended_on"], name="sp_end_reason_one_per_day")
        ]
        indexes = [models.Index(fields=["municipality", "ended_on"], name="sp_end_reason_muni_day")]

    def __str__(self) -> str:
        return f"{self.ended_on} {self.reason}"
