"""Plans (issue 17 item 1, R-SP-5; law notes §3.1–3.6): a job seeker's employment plan, multi-sector (TYP)
plan, activation plan (Act 189/2001) or integration plan (Act 1386/2010), each a `Plan` with append-only
`PlanVersion`s. A version holds the date agreed, the review date computed by `rules.review` on that date,
the goals, the job-search obligation where it applies, its agreed steps (`PlanStep`) and services
(`PlanService`); the parties' approvals (`PlanApproval`) are rows of their own beside it, so that a version
is never changed after it is written. A new version copies nothing: it is a new row, and the older ones stay
readable. Written only by `services.py`."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kuntakokeilu.customers.models import Person
from kuntakokeilu.regions.models import Municipality


class AppendOnly(Exception):
    pass


class Kind(models.TextChoices):
    EMPLOYMENT = "employment", _("employment plan")
    TYP = "typ", _("multi-sector employment plan")
    ACTIVATION = "activation", _("activation plan")
    INTEGRATION = "integration", _("integration plan")


class Responsible(models.TextChoices):
    JOB_SEEKER = "job_seeker", _("job seeker")
    CASE_WORKER = "case_worker", _("case worker")
    OTHER = "other", pgettext_lazy("responsible for a plan step", "other")


class ServiceKind(models.TextChoices):
    """The services of R-SP-6: the one list plans agree and referrals refer to (`referrals` imports it)."""

    JOB_MEDIATION = "job_mediation", _("job mediation")
    INFORMATION_AND_ADVICE = "information_and_advice", _("information and advice services")
    CAREER_GUIDANCE = "career_guidance", _("career guidance")
    INTEGRATION = "integration", _("integration services")
    WORK_TRIAL = "work_trial", _("work trial")
    LABOUR_MARKET_TRAINING = "labour_market_training", _("labour-market training")
    JOB_SEARCH_COACHING = "job_search_coaching", _("job-search coaching")
    EXPERT_ASSESSMENT = "expert_assessment", _("expert assessment")
    REHABILITATIVE_WORK = "rehabilitative_work", _("rehabilitative work activity")
    MULTI_SECTOR = "multi_sector", _("multi-sector joint service (TYP)")


class Party(models.TextChoices):
    CASE_WORKER = "case_worker", _("case worker")
    JOB_SEEKER = "job_seeker", _("job seeker")


class ApprovalChannel(models.TextChoices):
    IN_PERSON = "in_person", _("signed in person")
    E_SERVICE = "e_service", _("approved in the e-service")
    PHONE = "phone", _("agreed by phone")
    VIDEO = "video", _("agreed by video")


class Plan(models.Model):
    """A plan of one kind for a job seeker, made by the municipality whose customer the person is."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="plans")
    kind = models.CharField(_("kind of plan"), max_length=16, choices=Kind.choices)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["person", "kind", "id"]
        indexes = [models.Index(fields=["person", "kind"], name="plans_plan_person_kind")]

    def __str__(self) -> str:
        return f"{self.person_id} {self.kind} {self.pk}"


class PlanVersion(models.Model):
    """One version of a plan; append-only (`save` refuses a change)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    agreed_on = models.DateField(_("date of the plan"))
    review_by = models.DateField(_("to be reviewed by"), null=True, blank=True)
    review_reference = models.CharField(_("legal reference"), max_length=300, blank=True, default="")
    goals = models.TextField(_("goals"))
    job_search_obligation = models.TextField(_("job-search obligation"), blank=True, default="")
    notes = models.TextField(_("notes"), blank=True, default="")
    extension_months = models.PositiveSmallIntegerField(_("extension in months"), default=0)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="plans_version_plan_number")]

    def __str__(self) -> str:
        return f"{self.plan_id} v{self.number} {self.agreed_on}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnly("a plan version is never changed: record a new one")
        super().save(*args, **kwargs)


class PlanStep(models.Model):
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField()
    text = models.TextField(_("step"))
    due_on = models.DateField(_("due date"))
    responsible = models.CharField(_("responsible"), max_length=16, choices=Responsible.choices)

    class Meta:
        verbose_name = _("plan step")
        verbose_name_plural = _("plan steps")
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "position"], name="plans_step_position")]

    def __str__(self) -> str:
        return f"{self.version_id} {self.position}"


class PlanService(models.Model):
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="services")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(_("service"), max_length=30, choices=ServiceKind.choices)
    starts_on = models.DateField(_("planned start"))
    ends_on = models.DateField(_("planned end"), null=True, blank=True)

    class Meta:
        verbose_name = _("service agreed in a plan")
        verbose_name_plural = _("services agreed in plans")
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "position"], name="plans_service_position")]

    def __str__(self) -> str:
        return f"{self.version_id} {self.kind}"


class PlanApproval(models.Model):
    """A party's approval of a version (JTYPL 2:12: approved by both): once per party."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="approvals")
    party = models.CharField(_("party"), max_length=16, choices=Party.choices)
    approved_on = models.DateField(_("date of approval"))
    channel = models.CharField(_("how approved"), max_length=16, choices=ApprovalChannel.choices)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("approval of a plan")
        verbose_name_plural = _("approvals of plans")
        ordering = ["version", "party"]
        constraints = [models.UniqueConstraint(fields=["version", "party"], name="plans_approval_party")]

    def __str__(self) -> str:
        return f"{self.version_id} {self.party}"
