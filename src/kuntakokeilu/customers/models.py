"""Job seekers and their dated facts (R-TG-1).

A `Person` holds the identity code (stored normalised, unique), names and service language. Everything the
target-group rule reads is a `Fact` of one kind, valid from a date until the next fact of the same kind
(the validity end is derived, not stored). A correction never overwrites: the corrected row is kept,
marked `superseded`, and the new row `corrects` it and carries the reason (history kept). Only current
rows (`superseded` false) answer "what held on date D" (`queries.facts_on`).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.regions.models import Municipality
from kuntakokeilu.workitems.models import Handler, WorkItem, WorkItemQuerySet, WorkItemSpec
from kuntakokeilu.workitems.transitions import Transitions

from .statuses import STATUSES

SERVICE_LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish"))]


class Person(models.Model):
    """A job seeker. Pages and the API name a person by the opaque `id`, never by the identity code."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    henkilotunnus = models.CharField(_("personal identity code"), max_length=11, unique=True)
    birth_date = models.DateField(_("date of birth"))
    first_name = models.CharField(_("first names"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    service_language = models.CharField(_("service language"), max_length=2, choices=SERVICE_LANGUAGES)
    created_at = models.DateTimeField(auto_now_add=True)
    # issue 20 item 3 (R-X-4): set when the retention run anonymised the person in place (the identity code
    # a token, the names cleared); such a person is no one's to see or find (`visibility`, `search`).
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        verbose_name = _("job seeker")
        verbose_name_plural = _("job seekers")
        ordering = ["last_name", "first_name", "birth_date"]
        indexes = [models.Index(fields=["last_name", "first_name"])]

    def __str__(self) -> str:
        return f"{self.last_name}, {self.first_name}"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class FactKind(models.TextChoices):
    KOTIKUNTA = "kotikunta", _("home municipality (kotikunta)")
    RESIDENCE = "residence", _("place of residence")
    MOTHER_TONGUE = "mother_tongue", _("mother tongue")
    IMMIGRANT = "immigrant", _("immigrant")
    STATUS = "status", _("labour-market status")
    EARNINGS_RELATED = "earnings_related_entitlement", _("entitled to earnings-related allowance")
    TEMPORARY_PROTECTION = "temporary_protection", _("residence permit for temporary protection")
    CHANGE_SECURITY = "change_security", _("change security (55 or over)")
    JOB_SEARCH = "job_search", _("job search")


# Which value column each kind uses.
MUNICIPALITY_KINDS = (FactKind.KOTIKUNTA, FactKind.RESIDENCE)
CODE_KINDS = (FactKind.MOTHER_TONGUE, FactKind.STATUS)
FLAG_KINDS = (
    FactKind.IMMIGRANT,
    FactKind.EARNINGS_RELATED,
    FactKind.TEMPORARY_PROTECTION,
    FactKind.CHANGE_SECURITY,
)


class FactQuerySet(models.QuerySet):
    def current(self) -> FactQuerySet:
        return self.filter(superseded=False)


class Fact(models.Model):
    """One fact of a person, valid from `valid_from` until the next current fact of the same kind.

    Values: `municipality` (kotikunta, residence), `code` (mother tongue, status), `flag` (immigrant,
    entitlement, temporary protection, change security), `date_value` (the change-security notice date),
    `end_date` (the end of a job search; a job search's start is its `valid_from`).
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="facts")
    kind = models.CharField(max_length=32, choices=FactKind.choices)
    valid_from = models.DateField(_("valid from"))
    municipality = models.ForeignKey(Municipality, null=True, blank=True, on_delete=models.PROTECT)
    code = models.CharField(max_length=32, blank=True, default="")
    flag = models.BooleanField(null=True, blank=True)
    date_value = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    # issue 14 (L1269 s. 5 mom 2): the day the fact was reported to the TE office; the 7-day window of a
    # change counts from it. Null only where a writer gave none: read as `valid_from` (`reported`); the rows
    # stored before it existed were given their `valid_from` by migration 0012.
    reported_on = models.DateField(_("reported on"), null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source = models.CharField(max_length=200, blank=True, default="")
    reason = models.TextField(_("reason for the correction"), blank=True, default="")
    corrects = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrected_by"
    )
    superseded = models.BooleanField(default=False)

    objects = FactQuerySet.as_manager()

    class Meta:
        verbose_name = _("recorded fact")
        verbose_name_plural = _("recorded facts")
        ordering = ["person_id", "kind", "valid_from", "recorded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind", "valid_from"],
                condition=Q(superseded=False),
                name="one_current_fact_per_kind_and_date",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("valid_from")),
                name="fact_end_not_before_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.kind} {self.valid_from}: {self.value}"

    @property
    def reported(self):
        """The day the fact was reported (issue 14): `reported_on`, or `valid_from` where none was given."""
        return self.reported_on or self.valid_from

    @property
    def value(self):
        if self.kind in MUNICIPALITY_KINDS:
            return self.municipality.code if self.municipality_id else None
        if self.kind in CODE_KINDS:
            return self.code
        if self.kind == FactKind.JOB_SEARCH:
            return self.end_date
        if self.kind == FactKind.CHANGE_SECURITY:
            return (self.flag, self.date_value)
        return self.flag

    def same_value(self, other: Fact) -> bool:
        return (self.municipality_id, self.code, self.flag, self.date_value, self.end_date) == (
            other.municipality_id,
            other.code,
            other.flag,
            other.date_value,
            other.end_date,
        )

    @property
    def status_label(self) -> str:
        return str(dict(STATUSES).get(self.code, self.code))


class Ground(models.TextChoices):
    """Why a customership began (R-TG-3; law notes §2.3–2.6, §7.3)."""

    INITIAL_TRANSFER = "initial_transfer", _("initial transfer at the pilot's start")
    NEW_REGISTRATION = "new_registration", _("new registration as a job seeker")
    CHANGE_OF_FACTS = "change_of_facts", _("change of facts")
    CHANGE_OF_KOTIKUNTA = "change_of_kotikunta", _("change of kotikunta")
    REQUEST_TO_TE_OFFICE = "request_to_te_office", _("transfer to the TE office on the person's request")
    REQUEST_TO_MUNICIPALITY = (
        "request_to_municipality",
        _("transfer to another trial municipality on the person's request"),
    )
    CHANGE_SECURITY_RETURN = "change_security_return", _("return to the TE office under change security")
    JOB_SEARCH_ENDED = "job_search_ended", _("end of the job search")
    PILOT_ENDED = "pilot_ended", _("end of the pilot")
    # issue 14: an amendment widened the target group (R-TG-2, R-TG-4); `DueTransfer.amendment` names it
    LAW_WIDENED = "law_widened", _("the law widened the target group")


REQUEST_GROUNDS = (Ground.REQUEST_TO_TE_OFFICE, Ground.REQUEST_TO_MUNICIPALITY)


class RequestReason(models.TextChoices):
    """The reasons of L1269 s. 5 as amended by L421/2021 (law notes §2.3)."""

    LINGUISTIC_RIGHTS = "linguistic_rights", _("to protect linguistic rights")
    INAPPROPRIATE_RELATIONSHIP = (
        "inappropriate_relationship",
        _("to avoid an inappropriate customer relationship"),
    )
    SAFETY = "safety", _("a justified safety-related reason")


class KeepReason(models.TextChoices):
    """Why the TE office keeps a person it would transfer (L1269 s. 5 mom 3, as mom 5 after L671/2022)."""

    LINGUISTIC_RIGHTS = "linguistic_rights", _("to protect linguistic rights")
    INAPPROPRIATE_RELATIONSHIP = (
        "inappropriate_relationship",
        _("to avoid an inappropriate customer relationship"),
    )
    OTHER = "other", _("another justified reason")


class Responsible(models.TextChoices):
    MUNICIPALITY = "municipality", _("trial municipality")
    TE_OFFICE = "te_office", _("TE office")
    ALAND = "aland", _("Åland's own employment services")
    NONE = "none", _("no one (not a job seeker)")
    # issue 14: from 1.1.2025 the municipalities' employment areas (Act 380/2023), at the pilot's end
    EMPLOYMENT_AREA = "employment_area", _("employment area")


class Customership(models.Model):
    """Who is responsible for a person from `valid_from` to `valid_to` (inclusive; null = open), on
    which ground (R-TG-3). `decision` is the rule's `Outcome.to_record()` the customership was decided
    on (codes and figures, no rendered text); `rule_version` repeats its version for queries. A person's
    customerships never overlap (`customerships.start`); at most one is open (the constraint)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="customerships")
    responsible = models.CharField(max_length=16, choices=Responsible.choices)
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    te_office = models.ForeignKey(
        "regions.TeOffice", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # issue 14: the employment area (Act 380/2023) responsible from the pilot's end
    employment_area = models.ForeignKey(
        "regions.EmploymentArea", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    valid_from = models.DateField(_("from"))
    valid_to = models.DateField(_("to"), null=True, blank=True)
    ground = models.CharField(_("ground"), max_length=32, choices=Ground.choices)
    request_reason = models.CharField(max_length=32, choices=RequestReason.choices, blank=True, default="")
    accepted_on = models.DateField(_("accepted by the receiving municipality on"), null=True, blank=True)
    rule_version = models.CharField(max_length=40, blank=True, default="")
    decision = models.JSONField(null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("customership")
        verbose_name_plural = _("customerships")
        ordering = ["person_id", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(valid_to__isnull=True), name="one_open_customership"
            ),
            models.UniqueConstraint(fields=["person", "valid_from"], name="one_customership_per_start"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="customership_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=~Q(responsible="municipality") | Q(municipality__isnull=False),
                name="municipal_customership_names_municipality",
            ),
            models.CheckConstraint(
                condition=~Q(responsible="employment_area") | Q(employment_area__isnull=False),
                name="employment_area_customership_names_area",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.responsible} {self.valid_from}–{self.valid_to or ''}"

    def covers(self, on) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


class NoticeRecipient(models.TextChoices):
    PERSON = "person", _("the job seeker")
    ORGANISATION = "organisation", _("the receiving organisation")
    # A move on request also notifies the trial municipality that loses the customer (L421 s. 5 mom 6).
    PREVIOUS = "previous", _("the municipality that loses the customer")


class Notice(models.Model):
    """A transfer notice (R-TG-7; L1269 s. 5): one to the person in their service language, one to the
    receiving organisation. `data` holds codes, dates and parties only (`notices.notice_data`); the
    text is rendered on demand (`notices.render`)."""

    customership = models.ForeignKey(Customership, on_delete=models.CASCADE, related_name="notices")
    recipient = models.CharField(max_length=16, choices=NoticeRecipient.choices)
    language = models.CharField(max_length=2, choices=SERVICE_LANGUAGES)
    data = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["customership_id", "recipient"]
        constraints = [
            models.UniqueConstraint(fields=["customership", "recipient"], name="one_notice_per_recipient")
        ]

    def __str__(self) -> str:
        return f"{self.customership_id} {self.recipient} ({self.language})"


class DueTransfer(WorkItem):
    """A transfer the target-group rule says is due (R-TG-4, R-TG-5; L1269 s. 5, law notes §2.3): made
    when a registration or a reported change is evaluated and the organisation responsible would change.
    A work item (`workitems`): it stays on the worklist of the organisation that must make it (`handler_*`:
    the TE office for new and changed job seekers, the trial municipality for a kotikunta change of its
    customer) until it is done (`customership` made) or no longer due (`cancelled_on`). `due_by` =
    `event_date` + `transfers.transfer_window_days`. `target` is the rule's `responsible` answer (codes);
    `decision` its `Outcome.to_record()`."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="due_transfers")
    ground = models.CharField(_("ground"), max_length=32, choices=Ground.choices)
    event_date = models.DateField(_("registered or notified on"))
    due_by = models.DateField(_("due by"))
    target = models.JSONField()
    rule_version = models.CharField(max_length=40, blank=True, default="")
    decision = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    customership = models.OneToOneField(
        Customership, null=True, blank=True, on_delete=models.PROTECT, related_name="due_transfer"
    )
    # issue 14: the amendment behind a re-evaluation (ground `law_widened`), e.g. "149/2023"
    amendment = models.CharField(_("amendment"), max_length=20, blank=True, default="")
    # issue 14: the TE office kept the person (s. 5 mom 3/5): done (`done_on`, `done_by`) with no customership
    keep_reason = models.CharField(
        _("reason for keeping with the TE office"), max_length=32, choices=KeepReason.choices, blank=True
    )
    keep_text = models.TextField(_("explanation"), blank=True, default="")

    # Its states: open, then done or no longer due (cancelled), each once.
    TRANSITIONS = Transitions(
        {("open", "complete"): "done", ("open", "cancel"): "cancelled", ("open", "keep"): "kept"},
        {
            ("done", "complete"): _("This transfer has already been made."),
            ("cancelled", "complete"): _("This transfer is no longer due."),
            ("kept", "complete"): _("The TE office has kept this person."),
            ("done", "keep"): _("This transfer has already been made."),
            ("cancelled", "keep"): _("This transfer is no longer due."),
            ("kept", "keep"): _("The TE office has kept this person."),
        },
    )

    class Meta:
        verbose_name = _("due transfer")
        verbose_name_plural = _("due transfers")
        ordering = ["due_by", "person_id"]
        indexes = [models.Index(fields=["handler_te_office", "due_by"])]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(done_on__isnull=True, cancelled_on__isnull=True),
                name="one_open_due_transfer",
            ),
            models.CheckConstraint(
                condition=Q(handler_te_office__isnull=False) | Q(handler_municipality__isnull=False),
                name="due_transfer_has_handler",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.ground} due {self.due_by}"

    @property
    def status(self) -> str:
        if self.done_on:
            return "kept" if self.keep_reason else "done"
        return "cancelled" if self.cancelled_on else "open"


class InitialException(models.Model):
    """A person on the initial batch's exception list (issue 14 item 2; L1269 s. 5 mom 3, as mom 5 after
    L671/2022): the TE office keeps them for their language rights, where the customer relationship would
    be inappropriate, or for another justified reason. Imported before `transfer initial`
    (`exceptions.import_exceptions`); the batch records each such person as a kept `DueTransfer` of ground
    `initial_transfer` instead of transferring them."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="initial_exception")
    keep_reason = models.CharField(
        _("reason for keeping with the TE office"), max_length=32, choices=KeepReason.choices
    )
    keep_text = models.TextField(_("explanation"), blank=True, default="")
    source = models.CharField(max_length=255, blank=True, default="")
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("exception to the initial transfer")
        verbose_name_plural = _("exceptions to the initial transfer")

    def __str__(self) -> str:
        return f"{self.person_id} {self.keep_reason}"


class RequestStatus(models.TextChoices):
    AWAITING_ACCEPTANCE = "awaiting_acceptance", _("awaiting the receiving municipality's acceptance")
    PENDING = "pending", _("awaiting the TE office's decision")
    TRANSFERRED = "transferred", _("transferred")
    REFUSED = "refused", _("refused")
    NOT_ACCEPTED = "not_accepted", _("not accepted by the receiving municipality")
    LAPSED = "lapsed", _("lapsed: the customership changed before a decision")


OPEN_REQUEST_STATUSES = (RequestStatus.AWAITING_ACCEPTANCE, RequestStatus.PENDING)


class TransferRequest(models.Model):
    """A job seeker's request to move back to the TE office or to another trial municipality (R-TG-5;
    L1269 s. 5 as amended by L421/2021, law notes §2.3). All three conditions must hold: the person asks,
    one of the reasons of the Act, and access to services matching the person's needs is not endangered
    (`services_secured`); a move to another trial municipality also needs that municipality's acceptance
    (`accepted_on`). The TE office decides (`decided_on`); a granted request makes a customership.

    A work item (`workitems`) with no deadline of its own: while it awaits acceptance the receiving
    municipality handles it, then the TE office of the person's place when it was asked
    (`handler_te_office`). Its statuses move only as `TRANSITIONS` allows."""

    WORK_ITEM = WorkItemSpec(
        open=Q(status__in=OPEN_REQUEST_STATUSES),
        event_field="asked_on",
        handlers=(
            Handler(when={"status": (RequestStatus.AWAITING_ACCEPTANCE,)}, municipality="municipality"),
            Handler(when={"status": (RequestStatus.PENDING,)}, te_office="handler_te_office"),
        ),
    )
    TRANSITIONS = Transitions(
        {
            (RequestStatus.AWAITING_ACCEPTANCE, "accept"): RequestStatus.PENDING,
            (RequestStatus.AWAITING_ACCEPTANCE, "decline"): RequestStatus.NOT_ACCEPTED,
            (RequestStatus.AWAITING_ACCEPTANCE, "lapse"): RequestStatus.LAPSED,
            (RequestStatus.PENDING, "grant"): RequestStatus.TRANSFERRED,
            (RequestStatus.PENDING, "refuse"): RequestStatus.REFUSED,
            (RequestStatus.PENDING, "lapse"): RequestStatus.LAPSED,
        },
        {
            "accept": _("This request is not awaiting the receiving municipality's answer."),
            "decline": _("This request is not awaiting the receiving municipality's answer."),
            "grant": _("This request is not awaiting the TE office's decision."),
            "refuse": _("This request is not awaiting the TE office's decision."),
        },
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="transfer_requests")
    asked_on = models.DateField(_("asked on"))
    ground = models.CharField(
        _("requested transfer"),
        max_length=32,
        choices=[(g.value, g.label) for g in REQUEST_GROUNDS],
    )
    reason = models.CharField(_("reason"), max_length=32, choices=RequestReason.choices)
    municipality = models.ForeignKey(
        Municipality,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("receiving trial municipality"),
    )
    services_secured = models.BooleanField(
        _("the move does not endanger services matching the person's needs"), default=False
    )
    handler_te_office = models.ForeignKey(
        "regions.TeOffice",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("deciding TE office"),
    )
    status = models.CharField(max_length=32, choices=RequestStatus.choices)
    accepted_on = models.DateField(_("accepted by the receiving municipality on"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    customership = models.OneToOneField(
        Customership, null=True, blank=True, on_delete=models.PROTECT, related_name="request"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = WorkItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("transfer request")
        verbose_name_plural = _("transfer requests")
        ordering = ["asked_on", "recorded_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(ground="request_to_municipality") | Q(municipality__isnull=False),
                name="request_to_municipality_names_it",
            ),
            # One open request per person, also where the database cannot lock the person's row.
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(status__in=OPEN_REQUEST_STATUSES),
                name="one_open_transfer_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.ground} {self.asked_on} ({self.status})"
