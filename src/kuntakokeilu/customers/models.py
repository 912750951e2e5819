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

    class Meta:
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
