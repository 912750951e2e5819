"""Benefit decisions (R-BEN-1, issue 18 item 2): prepared by a case worker, accepted by an approver
(maker–checker), the letter rendered once at acceptance and stored unchanged; cancellations and corrections
are new decisions linked to the old one (`replaces`), never edits in place.

A decision keeps the rule's outcome as it was on its date (`outcome`, a compact record of
`rules.storage.save_records`), so its page can show it beside what today's rules would say.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kuntakokeilu.customers.models import Person
from kuntakokeilu.regions.models import Municipality


class Instrument(models.TextChoices):
    """The rule names of `decisions/rules.py`."""

    WAGE_SUBSIDY = "wage-subsidy", _("wage subsidy")
    EMPLOYMENT_SUPPORT_55 = "employment-support-55", _("employment support for persons aged 55 or over")
    START_UP_GRANT = "start-up-grant", _("start-up grant")
    WORK_TRIAL = "work-trial", _("work trial")
    EXPENSE_COMPENSATION = "expense-compensation", _("expense compensation")
    TRAVEL_ACCOMMODATION = "travel-accommodation", _("travel and accommodation costs")


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    ACCEPTED = "accepted", _("accepted")
    CANCELLED = "cancelled", _("cancelled")
    CORRECTED = "corrected", pgettext_lazy("decision status", "corrected")


class Kind(models.TextChoices):
    ORIGINAL = "original", _("original decision")
    CORRECTION = "correction", _("correction")
    CANCELLATION = "cancellation", _("cancellation")


class Decision(models.Model):
    """päätös / beslut: one benefit decision of a trial municipality on behalf of the state."""

    person = models.ForeignKey(
        Person, models.PROTECT, related_name="benefit_decisions", verbose_name=_("job seeker")
    )
    instrument = models.CharField(_("benefit"), max_length=32, choices=Instrument.choices)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.ORIGINAL)
    municipality = models.ForeignKey(
        Municipality, models.PROTECT, related_name="+", verbose_name=_("deciding municipality")
    )
    decision_date = models.DateField(_("decision date"))
    facts = models.JSONField(_("decision facts"), default=dict)
    outcome = models.JSONField(_("the rule's outcome on the decision date"), default=dict)
    amount = models.DecimalField(_("amount (euros)"), max_digits=12, decimal_places=2, null=True, blank=True)
    percent = models.PositiveSmallIntegerField(_("percentage"), null=True, blank=True)
    start = models.DateField(_("period start"), null=True, blank=True)
    end = models.DateField(_("period end"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    reason = models.TextField(_("reason"), blank=True)
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("prepared by")
    )
    prepared_at = models.DateTimeField(_("prepared at"), auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("accepted by"),
    )
    approved_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    approved_on = models.DateField(_("acceptance date"), null=True, blank=True)
    replaces = models.ForeignKey(
        "self",
        models.PROTECT,
        related_name="replaced_by",
        null=True,
        blank=True,
        verbose_name=_("replaces decision"),
    )
    diary_number = models.CharField(_("diary number"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("benefit decision")
        verbose_name_plural = _("benefit decisions")
        indexes = [models.Index(fields=["status", "municipality"])]

    def __str__(self) -> str:
        return self.diary_number or f"{self.instrument} {self.pk}"


class LetterTemplate(models.Model):
    """The editable parts of a decision letter in one language: the grounds' opening and the instructions for
    seeking a remedy. Append-only: an edit is a new version (a stored letter keeps the one it used)."""

    ALL = "all"

    instrument = models.CharField(
        _("benefit"), max_length=32, choices=[(ALL, _("all benefits")), *Instrument.choices]
    )
    language = models.CharField(_("language"), max_length=2, choices=[("fi", "suomi"), ("sv", "svenska")])
    valid_from = models.DateField(_("valid from"))
    grounds_intro = models.TextField(_("opening of the grounds"))
    appeal_heading = models.CharField(_("heading of the instructions"), max_length=200)
    appeal_text = models.TextField(_("instructions for seeking a remedy"))
    legal_review_pending = models.BooleanField(_("legal review pending"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision letter template")
        verbose_name_plural = _("decision letter templates")

    def __str__(self) -> str:
        return f"{self.instrument} {self.language} {self.valid_from}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("a letter template is never changed: save a new version")
        super().save(*args, **kwargs)


class DecisionLetter(models.Model):
    """The decision letter as rendered once at acceptance, stored unchanged: the letter's content (to show
    it as a page) and its PDF bytes with their SHA-256."""

    decision = models.OneToOneField(
        Decision, models.PROTECT, related_name="letter", verbose_name=_("benefit decision")
    )
    language = models.CharField(_("language"), max_length=2)
    content = models.JSONField(_("content"))
    pdf = models.BinaryField(_("PDF"))
    checksum = models.CharField(_("checksum (SHA-256)"), max_length=64)
    template = models.ForeignKey(
        LetterTemplate, models.PROTECT, related_name="letters", verbose_name=_("letter template")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision letter")
        verbose_name_plural = _("decision letters")

    def __str__(self) -> str:
        return f"{self.decision} ({self.language})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("a decision letter is stored once and never changed")
        super().save(*args, **kwargs)
