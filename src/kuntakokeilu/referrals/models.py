"""Services a job seeker is referred to and takes part in (R-SP-6, issue 17 item 3).

A `Referral` is one service: the referral (kind, provider, date, the municipality whose customer the person
was), then the participation — start, planned and actual end, an interruption with its reason, refusal
before the start and the outcome. For labour-market training the selection stays with the TE office / ELY
centre: the referral records the selection outcome it receives. States change only through
`rules.TRANSITIONS` (pure) by `services.py`; a row is never deleted.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kuntakokeilu.customers.models import Person
from kuntakokeilu.plans.models import ServiceKind  # the one list of R-SP-6's services
from kuntakokeilu.regions.models import Municipality


class State(models.TextChoices):
    REFERRED = "referred", pgettext_lazy("service state", "referred")
    UNDER_WAY = "under_way", pgettext_lazy("service state", "under way")
    ENDED = "ended", pgettext_lazy("service state", "ended")
    INTERRUPTED = "interrupted", pgettext_lazy("service state", "interrupted")
    REFUSED = "refused", pgettext_lazy("service state", "refused")
    NOT_SELECTED = "not_selected", pgettext_lazy("service state", "not selected")


class InterruptionReason(models.TextChoices):
    EMPLOYMENT = "employment", _("employment")
    ILLNESS = "illness", _("illness or incapacity for work")
    OWN_DECISION = "own_decision", _("the job seeker's own decision")
    UNSUITABLE = "unsuitable", _("the service did not suit the job seeker")
    PROVIDER = "provider", _("the provider ended the service")
    OTHER = "other", pgettext_lazy("reason", "other")


class Outcome(models.TextChoices):
    COMPLETED = "completed", _("completed")
    INTERRUPTED = "interrupted", pgettext_lazy("outcome", "interrupted")
    REFUSED = "refused", pgettext_lazy("outcome", "refused")
    NOT_SELECTED = "not_selected", pgettext_lazy("outcome", "not selected")
    OTHER = "other", pgettext_lazy("outcome", "other")


class Selection(models.TextChoices):
    SELECTED = "selected", _("selected")
    NOT_SELECTED = "not_selected", pgettext_lazy("selection", "not selected")


class Referral(models.Model):
    """One service for one job seeker, from the referral to its outcome (R-SP-6)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="referrals")
    kind = models.CharField(_("service"), max_length=30, choices=ServiceKind.choices)
    provider = models.CharField(_("provider"), max_length=200)
    referred_on = models.DateField(_("referred on"))
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    plan_version = models.ForeignKey(
        "plans.PlanVersion",
        verbose_name=_("agreed in the plan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="referrals",
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.REFERRED)
    started_on = models.DateField(_("started on"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    interruption_reason = models.CharField(
        _("reason for the interruption"), max_length=20, choices=InterruptionReason.choices, blank=True
    )
    interruption_text = models.TextField(_("more about the interruption"), blank=True, default="")
    refused_on = models.DateField(_("refused on"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    selection = models.CharField(
        _("selection by the TE office or ELY centre"), max_length=20, choices=Selection.choices, blank=True
    )
    selection_on = models.DateField(_("selection received on"), null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("service referral")
        verbose_name_plural = _("service referrals")
        ordering = ["-referred_on", "-id"]
        indexes = [models.Index(fields=["person", "started_on"], name="ref_person_start")]

    def __str__(self) -> str:
        return f"{self.kind} {self.referred_on}"

    def delete(self, *args, **kwargs):
        raise ValueError("a referral is kept: it ends, is interrupted or refused, never deleted")

    @property
    def expected_end(self):
        """The actual end once ended or interrupted, else the planned end."""
        return self.actual_end or self.planned_end
