"""The state of labour-policy statements (R-SP-8): benefit events, the written reminders, the municipality's
own statements to Kela or the unemployment fund, and the notices to the TE office.

`services.record_event` writes an event with the rules' answers stored (`competence`, `ladder`: outcome
records) and at most one of a reminder, a statement or a notice. Statements and notices are work items
(`workitems.WorkItem`): they arise on the day of the complete information (a statement) or of the event (a
notice), are due 7 calendar days later or the same day, and leave the worklist when sent (`done_on`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kuntakokeilu.customers.models import Person
from kuntakokeilu.regions.models import Municipality
from kuntakokeilu.workitems.models import WorkItem


class EventKind(models.TextChoices):
    DISCUSSION_MISSED = "discussion_missed", _("Interview or job-search discussion missed")
    JOB_OFFER_REFUSED = "job_offer_refused", _("Job offer refused")
    SERVICE_REFUSED = "service_refused", _("Service refused")
    SERVICE_INTERRUPTED = "service_interrupted", _("Service interrupted")
    PLAN_NOT_FOLLOWED = "plan_not_followed", _("Employment plan not followed")
    SERVICE_STARTED = "service_started", _("Service started")
    SERVICE_ENDED = "service_ended", _("Service ended")
    STUDIES_STARTED = "studies_started", _("Studies started")
    STUDIES_ENDED = "studies_ended", _("Studies ended")
    OTHER = "other", pgettext_lazy("benefit event", "Other")


class Status(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("statement", "Draft")
    SENT = "sent", pgettext_lazy("statement", "Sent")
    ACKNOWLEDGED = "acknowledged", pgettext_lazy("statement", "Acknowledged")


class Recipient(models.TextChoices):
    KELA = "kela", _("Kela")
    FUND = "fund", _("Unemployment fund")


class BenefitEvent(models.Model):
    """An event that bears on the conditions of an unemployment benefit, with the rules' answers on its
    date: `competence` (labour-policy-statement) and `ladder` (sanction-ladder) as outcome records."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="benefit_events")
    kind = models.CharField(_("event"), max_length=32, choices=EventKind.choices)
    date = models.DateField(_("date"))
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(_("source"), max_length=100, blank=True, default="")
    facts = models.JSONField(_("facts"), default=dict, blank=True)
    counts_as_failure = models.BooleanField(_("counts as a failure"), default=False)
    ladder_step = models.PositiveSmallIntegerField(_("step of the sanction ladder"), null=True, blank=True)
    consequence = models.CharField(_("consequence by the law"), max_length=32, blank=True, default="")
    handling = models.CharField(_("handling"), max_length=16)
    competence = models.JSONField(_("competence"))
    ladder = models.JSONField(_("sanction ladder"))
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("benefit event")
        verbose_name_plural = _("benefit events")
        ordering = ["date", "id"]
        indexes = [models.Index(fields=["person", "date"], name="st_event_person_date")]

    def __str__(self) -> str:
        return f"{self.kind} {self.date}"


class Reminder(models.Model):
    """The written reminder (muistutus, JTYPL 2:15) of a first counted failure; a letter (`letters.py`)."""

    event = models.OneToOneField(BenefitEvent, on_delete=models.CASCADE, related_name="reminder")
    letter_date = models.DateField(_("date of the letter"))
    language = models.CharField(_("language"), max_length=2)

    class Meta:
        verbose_name = _("written reminder")
        verbose_name_plural = _("written reminders")

    def __str__(self) -> str:
        return f"{self.event} {self.letter_date}"

    @property
    def municipality(self):
        return self.event.municipality

    @property
    def person(self):
        return self.event.person


class Statement(WorkItem):
    """The municipality's own labour-policy statement to Kela or an unemployment fund on an event."""

    event = models.OneToOneField(BenefitEvent, on_delete=models.CASCADE, related_name="statement")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="labour_policy_statements")
    recipient = models.CharField(_("recipient"), max_length=8, choices=Recipient.choices)
    fund_name = models.CharField(_("unemployment fund"), max_length=200, blank=True, default="")
    subject = models.CharField(_("subject"), max_length=40)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    acknowledged_on = models.DateField(_("acknowledged on"), null=True, blank=True)
    text = models.TextField(_("statement"), blank=True, default="")
    reference = models.CharField(_("legal reference"), max_length=300)

    class Meta:
        verbose_name = _("labour-policy statement")
        verbose_name_plural = _("labour-policy statements")
        ordering = ["due_by", "id"]
        indexes = [models.Index(fields=["handler_municipality", "due_by"], name="st_statement_handler_due")]

    def __str__(self) -> str:
        return f"{self.subject} {self.due_by}"

    @property
    def municipality(self):
        return self.event.municipality


class TeOfficeNotice(WorkItem):
    """A notice to the TE office of an event whose statement is the TE office's (L1269 s. 20 mom 2), due
    without delay, with the step of the sanction ladder shown (information only)."""

    event = models.OneToOneField(BenefitEvent, on_delete=models.CASCADE, related_name="notice")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="te_office_notices")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    acknowledged_on = models.DateField(_("acknowledged on"), null=True, blank=True)
    text = models.TextField(_("notice"), blank=True, default="")
    reference = models.CharField(_("legal reference"), max_length=300)

    class Meta:
        verbose_name = _("notice to the TE office")
        verbose_name_plural = _("notices to the TE office")
        ordering = ["due_by", "id"]
        indexes = [
            models.Index(fields=["handler_municipality", "due_by"], name="st_notice_handler_due"),
            models.Index(fields=["handler_te_office", "due_by"], name="st_notice_office_due"),
        ]

    def __str__(self) -> str:
        return f"{self.event} {self.due_by}"

    @property
    def municipality(self):
        return self.event.municipality
