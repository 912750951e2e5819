"""Role assignments (R-X-1): a user holds roles, each scoped to a place, each valid for a period."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.regions.models import ElyCentre, Municipality, TeOffice, TrialArea, valid_on_q

from .roles import ROLE_SCOPES, Role, ScopeKind

SCOPE_FIELDS = {
    ScopeKind.MUNICIPALITY: "municipality",
    ScopeKind.TRIAL_AREA: "trial_area",
    ScopeKind.TE_OFFICE: "te_office",
    ScopeKind.ELY: "ely",
}


class Profile(models.Model):
    """A staff user's own settings: the interface language (asiointikieli of the staff user)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="profile"
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES, default="fi")

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.language}"


class RoleAssignmentQuerySet(models.QuerySet):
    def valid_on(self, on: dt.date) -> "RoleAssignmentQuerySet":
        return self.filter(valid_on_q(on))


class RoleAssignment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    scope_kind = models.CharField(_("kind of scope"), max_length=16, choices=ScopeKind.choices)
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), null=True, blank=True, on_delete=models.PROTECT
    )
    trial_area = models.ForeignKey(
        TrialArea, verbose_name=_("trial area"), null=True, blank=True, on_delete=models.PROTECT
    )
    te_office = models.ForeignKey(
        TeOffice, verbose_name=_("TE office"), null=True, blank=True, on_delete=models.PROTECT
    )
    ely = models.ForeignKey(
        ElyCentre, verbose_name=_("ELY centre"), null=True, blank=True, on_delete=models.PROTECT
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        ordering = ["user_id", "valid_from", "role"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        scope_kind=ScopeKind.COUNTRY,
                        municipality=None,
                        trial_area=None,
                        te_office=None,
                        ely=None,
                    )
                    | Q(
                        scope_kind=ScopeKind.MUNICIPALITY,
                        municipality__isnull=False,
                        trial_area=None,
                        te_office=None,
                        ely=None,
                    )
                    | Q(
                        scope_kind=ScopeKind.TRIAL_AREA,
                        trial_area__isnull=False,
                        municipality=None,
                        te_office=None,
                        ely=None,
                    )
                    | Q(
                        scope_kind=ScopeKind.TE_OFFICE,
                        te_office__isnull=False,
                        municipality=None,
                        trial_area=None,
                        ely=None,
                    )
                    | Q(
                        scope_kind=ScopeKind.ELY,
                        ely__isnull=False,
                        municipality=None,
                        trial_area=None,
                        te_office=None,
                    )
                ),
                name="assignment_has_exactly_its_scope",
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="assignment_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.role} {self.scope_kind} {self.valid_from}–{self.valid_to or ''}"

    @property
    def scope_object(self):
        field = SCOPE_FIELDS.get(self.scope_kind)
        return getattr(self, field) if field else None

    def clean(self):
        if self.scope_kind not in ROLE_SCOPES.get(self.role, ()):
            raise ValidationError({"scope_kind": _("This role cannot be given this scope.")})
        field = SCOPE_FIELDS.get(self.scope_kind)
        if field and getattr(self, f"{field}_id") is None:
            raise ValidationError({field: _("Choose the place this role covers.")})
        if self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("The end date cannot be before the start date.")})

    def holds_on(self, on: dt.date) -> bool:
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)


# --- the access log (R-X-2) --------------------------------------------------------------------------


class Purpose(models.TextChoices):
    """Why personal data was looked at: derived from the page, or asked (a search by identity code)."""

    CUSTOMER_SERVICE = "customer_service", _("customer service")
    TRANSFER = "transfer", _("assessing a transfer")
    CORRECTION = "correction", _("correcting the person's data")
    ACCESS_REQUEST = "access_request", _("the data subject's access request")
    SUPERVISION = "supervision", _("supervising the use of personal data")
    SPECIAL_CATEGORY = "special_category", _("special-category data for customer service")
    DATA_EXCHANGE = "data_exchange", _("handing the data on in the exchange formats")


class AppendOnly(Exception):
    pass


class AccessLogEntry(models.Model):
    """Who looked at whose data, when, where and why. Append-only: never updated, never deleted (the
    model refuses, and a database trigger refuses too: see migration 0002)."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        on_delete=models.PROTECT,
        related_name="access_log_entries",
    )
    person = models.ForeignKey("customers.Person", on_delete=models.PROTECT, related_name="access_log")
    what = models.CharField(max_length=100)
    purpose = models.CharField(max_length=32, choices=Purpose.choices)

    class Meta:
        verbose_name = _("access log entry")
        verbose_name_plural = _("access log entries")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_id} {self.what} {self.person_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnly("the access log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("the access log is append-only")


class ApiTokenUse(models.Model):
    """When an API token was last used (`tokens.py` expires a token left idle)."""

    token = models.OneToOneField("authtoken.Token", on_delete=models.CASCADE, related_name="use")
    last_used = models.DateTimeField()

    class Meta:
        verbose_name = _("use of an API token")
        verbose_name_plural = _("uses of API tokens")

    def __str__(self) -> str:
        return f"{self.token_id} {self.last_used:%Y-%m-%d %H:%M}"


class AccessLogSeal(models.Model):
    """A seal over a run of access-log entries (ids `after` < id <= `upto`, `count` rows): `digest` is the
    SHA-256 of the previous seal's digest and each entry's canonical line, so a changed, deleted or inserted
    entry — or a removed seal — breaks the chain that `kuntakokeilu verify_access_log` checks
    (`access/seals.py`). Append-only, like the log."""

    after = models.BigIntegerField()
    upto = models.BigIntegerField(unique=True)
    count = models.PositiveIntegerField()
    previous = models.CharField(max_length=64)
    digest = models.CharField(max_length=64, unique=True)
    sealed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("seal of the access log")
        verbose_name_plural = _("seals of the access log")
        ordering = ["upto"]

    def __str__(self) -> str:
        return f"{self.after}..{self.upto} {self.digest[:12]}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnly("the access log's seals are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("the access log's seals are append-only")
