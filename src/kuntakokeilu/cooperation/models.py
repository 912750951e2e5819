"""The regional co-operation network of a trial area (R-SP-9): its members, effective-dated, and its meetings.

The statutory basis is L1269 s. 21 with A153 ss. 4–5 (law notes §5.1): the TE office and the pilot
municipalities set up a co-operation body of equal partners whose members are the TE office, each
municipality of the area and the competent ELY centre, others by agreement; the pilot's premise (seed,
"Palveluprosessi") names skills-service providers and the education administration. A member that is a
municipality, an ELY centre or a TE office points at the reference data (`regions`); any other member is
named. No job seeker appears here: members' contact persons are the organisations' staff, and the minutes
may hold no personal identity code (`services`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.regions.models import ElyCentre, Municipality, TeOffice, TrialArea


class MemberKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("municipality")
    ELY_CENTRE = "ely_centre", _("ELY centre")
    TE_OFFICE = "te_office", _("TE office")
    SKILLS_SERVICE_PROVIDER = "skills_service_provider", _("skills-service provider")
    EDUCATION_ADMINISTRATION = "education_administration", _("education administration")
    OTHER = "other", _("other member by agreement")


# The kinds whose member is an object of the reference data, and the field that holds it.
REFERENCE_FIELDS = {
    MemberKind.MUNICIPALITY: "municipality",
    MemberKind.ELY_CENTRE: "ely",
    MemberKind.TE_OFFICE: "te_office",
}
NAMED_KINDS = (MemberKind.SKILLS_SERVICE_PROVIDER, MemberKind.EDUCATION_ADMINISTRATION, MemberKind.OTHER)


def _only(field: str | None) -> Q:
    """The member names exactly the one reference field (or none and a name)."""
    q = Q()
    for name in REFERENCE_FIELDS.values():
        q &= Q(**{f"{name}__isnull": name != field})
    return q & (Q(name="") if field else ~Q(name=""))


class NetworkMemberQuerySet(models.QuerySet):
    def valid_on(self, on) -> NetworkMemberQuerySet:
        """Members on the date: member_from ≤ on ≤ member_to (null = open)."""
        return self.filter(Q(member_from__lte=on) & (Q(member_to__isnull=True) | Q(member_to__gte=on)))


class NetworkMember(models.Model):
    """A member of a trial area's co-operation network from `member_from` to `member_to` (inclusive;
    null = until further notice)."""

    trial_area = models.ForeignKey(
        TrialArea, verbose_name=_("trial area"), on_delete=models.PROTECT, related_name="network_members"
    )
    kind = models.CharField(_("kind of member"), max_length=32, choices=MemberKind.choices)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    ely = models.ForeignKey(
        ElyCentre,
        verbose_name=_("ELY centre"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    te_office = models.ForeignKey(
        TeOffice,
        verbose_name=_("TE office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(_("name of the organisation"), max_length=200, blank=True, default="")
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True, default="")
    contact_email = models.EmailField(_("contact person's email"), blank=True, default="")
    member_from = models.DateField(_("member from"))
    member_to = models.DateField(_("member until"), null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = NetworkMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("member of the co-operation network")
        verbose_name_plural = _("members of the co-operation network")
        ordering = ["trial_area__number", "kind", "member_from", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(member_to__isnull=True) | Q(member_to__gte=models.F("member_from")),
                name="network_member_period_ordered",
            ),
            models.CheckConstraint(
                condition=(Q(kind=MemberKind.MUNICIPALITY) & _only("municipality"))
                | (Q(kind=MemberKind.ELY_CENTRE) & _only("ely"))
                | (Q(kind=MemberKind.TE_OFFICE) & _only("te_office"))
                | (Q(kind__in=NAMED_KINDS) & _only(None)),
                name="network_member_names_one_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.trial_area_id}: {self.display_name('fi')}"

    @property
    def organisation(self):
        """The reference-data object the member is (a municipality, an ELY centre, a TE office) or None."""
        field = REFERENCE_FIELDS.get(self.kind)
        return getattr(self, field) if field else None

    def display_name(self, lang: str | None) -> str:
        org = self.organisation
        return org.name_in(lang) if org is not None else self.name

    @property
    def local_name(self) -> str:
        """The name in the language of the page being shown."""
        return self.display_name(translation.get_language())

    def holds_on(self, on) -> bool:
        return self.member_from <= on and (self.member_to is None or on <= self.member_to)


class MeetingChannel(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    REMOTE = "remote", _("remote meeting")
    HYBRID = "hybrid", _("hybrid meeting")


class NetworkMeeting(models.Model):
    """A meeting of the network: its date, where or how it was held, the agenda, the minutes and the members
    present (each a member on the date: `services.record_meeting`)."""

    trial_area = models.ForeignKey(
        TrialArea, verbose_name=_("trial area"), on_delete=models.PROTECT, related_name="network_meetings"
    )
    date = models.DateField(_("date of the meeting"))
    channel = models.CharField(_("how it was held"), max_length=16, choices=MeetingChannel.choices)
    place = models.CharField(_("place or link"), max_length=200, blank=True, default="")
    agenda = models.TextField(_("agenda"))
    minutes = models.TextField(_("minutes"), blank=True, default="")
    participants = models.ManyToManyField(
        NetworkMember, verbose_name=_("members present"), related_name="meetings"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("meeting of the co-operation network")
        verbose_name_plural = _("meetings of the co-operation network")
        ordering = ["trial_area__number", "-date", "-id"]

    def __str__(self) -> str:
        return f"{self.trial_area_id}: {self.date}"
