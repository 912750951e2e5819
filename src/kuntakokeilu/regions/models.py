"""Reference data over time (R-REF-1, R-REF-2).

Memberships carry valid-from and valid-to dates (inclusive; null = open): "which ELY area was
municipality X in on date D" is answered by the row valid on D. See data/README.md for the choices.
"""

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def valid_on_q(on: dt.date, prefix: str = "") -> Q:
    """Rows whose [valid_from, valid_to] period (nulls open) contains `on`."""
    return (Q(**{f"{prefix}valid_from__isnull": True}) | Q(**{f"{prefix}valid_from__lte": on})) & (
        Q(**{f"{prefix}valid_to__isnull": True}) | Q(**{f"{prefix}valid_to__gte": on})
    )


class NamedRegion(models.Model):
    code = models.CharField(_("code"), max_length=3, unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100)

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name_fi} ({self.code})"

    def names(self) -> dict[str, str]:
        return {"fi": self.name_fi, "sv": self.name_sv}

    def name_in(self, lang: str | None) -> str:
        """The name in the language (English pages use the Finnish name: no English names exist)."""
        return self.names().get(lang or "fi") or self.name_fi


class Maakunta(NamedRegion):
    """maakunta / landskap: a region of the regional councils."""

    class Meta(NamedRegion.Meta):
        verbose_name = _("region (maakunta)")
        verbose_name_plural = _("regions (maakunta)")


class ElyCentre(NamedRegion):
    """ELY-keskus / NTM-central. Code 16 is Åland, whose employment services are its own (no TE office)."""

    class Meta(NamedRegion.Meta):
        verbose_name = _("ELY centre")
        verbose_name_plural = _("ELY centres")


class TeOffice(NamedRegion):
    """TE-toimisto / TE-byrå. Each of the 15 served exactly one ELY centre's area (2013–2024)."""

    ely = models.OneToOneField(
        ElyCentre, verbose_name=_("ELY centre"), on_delete=models.PROTECT, related_name="te_office"
    )

    class Meta(NamedRegion.Meta):
        verbose_name = _("TE office")
        verbose_name_plural = _("TE offices")


class LanguageStatus(models.TextChoices):
    FINNISH = "fi", _("Finnish-speaking")
    BILINGUAL_FI = "bilingual_fi_majority", _("bilingual, Finnish majority")
    BILINGUAL_SV = "bilingual_sv_majority", _("bilingual, Swedish majority")
    SWEDISH = "sv", _("Swedish-speaking")


class MunicipalGroup(models.IntegerChoices):
    """Statistics Finland's kuntaryhmitys."""

    URBAN = 1, _("urban")
    SEMI_URBAN = 2, _("semi-urban")
    RURAL = 3, _("rural")


class MunicipalityQuerySet(models.QuerySet):
    def valid_on(self, on: dt.date) -> "MunicipalityQuerySet":
        return self.filter(valid_on_q(on))


class Municipality(models.Model):
    """kunta / kommun. `valid_from` null: existed before the shipped data begins."""

    code = models.CharField(_("code"), max_length=3, unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100)
    language_status = models.CharField(_("language status"), max_length=24, choices=LanguageStatus.choices)
    municipal_group = models.PositiveSmallIntegerField(_("municipal group"), choices=MunicipalGroup.choices)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        to_field="code",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_from",
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return f"{self.name_fi} ({self.code})"

    def names(self) -> dict[str, str]:
        return {"fi": self.name_fi, "sv": self.name_sv}

    def name_in(self, lang: str | None) -> str:
        """The name in the language (English pages use the Finnish name: no English names exist)."""
        return self.names().get(lang or "fi") or self.name_fi

    @property
    def is_bilingual(self) -> bool:
        return self.language_status in (LanguageStatus.BILINGUAL_FI, LanguageStatus.BILINGUAL_SV)


class PopulationSource(models.TextChoices):
    KEY_2020 = "municipalities_2020", _("Statistics Finland, municipalities of 1.1.2020 (31.12.2019)")
    SOTKANET = "sotkanet_127", _("THL Sotkanet indicator 127 (Statistics Finland), 2021 division")


class Population(models.Model):
    """Population on 31 December of `year` (väestö 31.12.)."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.CASCADE, related_name="populations"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    population = models.PositiveIntegerField(_("population"))
    source = models.CharField(_("source"), max_length=24, choices=PopulationSource.choices)

    class Meta:
        verbose_name = _("population")
        verbose_name_plural = _("populations")
        ordering = ["municipality__code", "year"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="population_once_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.municipality_id} 31.12.{self.year}: {self.population}"


class RegionalMembershipQuerySet(models.QuerySet):
    def valid_on(self, on: dt.date) -> "RegionalMembershipQuerySet":
        return self.filter(valid_on_q(on))


class RegionalMembership(models.Model):
    """A municipality's maakunta, ELY centre and TE office for a period (the regional division)."""

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.CASCADE, related_name="memberships"
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    maakunta = models.ForeignKey(
        Maakunta, verbose_name=_("region (maakunta)"), on_delete=models.PROTECT, related_name="memberships"
    )
    ely = models.ForeignKey(
        ElyCentre, verbose_name=_("ELY centre"), on_delete=models.PROTECT, related_name="memberships"
    )
    te_office = models.ForeignKey(
        TeOffice,
        verbose_name=_("TE office"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
    )

    objects = RegionalMembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("regional membership")
        verbose_name_plural = _("regional memberships")
        ordering = ["municipality__code", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "valid_from"], name="membership_starts_once"),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="membership_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality_id} {self.valid_from}–{self.valid_to or ''}: ELY {self.ely_id}"


class Round(models.TextChoices):
    MAIN = "main", _("main round 2019")
    SUPPLEMENTARY = "supplementary", _("supplementary round 2020")


class TrialArea(models.Model):
    """kokeilualue / försöksområde: one of the areas of Act 1269/2020 s. 3, numbered in the Act's order."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=120)
    name_sv = models.CharField(_("name in Swedish"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120)
    ely = models.ForeignKey(
        ElyCentre, verbose_name=_("ELY centre"), on_delete=models.PROTECT, related_name="trial_areas"
    )
    te_office = models.ForeignKey(
        TeOffice, verbose_name=_("TE office"), on_delete=models.PROTECT, related_name="trial_areas"
    )

    class Meta:
        verbose_name_plural = _("trial areas")
        ordering = ["number"]
        verbose_name = _("trial area")

    def __str__(self) -> str:
        return f"{self.number} {self.name_fi}"

    def names(self) -> dict[str, str]:
        return {"fi": self.name_fi, "sv": self.name_sv, "en": self.name_en}


class TrialAreaMember(models.Model):
    """kokeilukunta: a municipality in a trial area. The membership holds for the pilot period, which is
    the dated parameter `pilot.start_date`/`pilot.end_date`, not a stored date."""

    trial_area = models.ForeignKey(
        TrialArea, verbose_name=_("trial area"), on_delete=models.CASCADE, related_name="members"
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="trial_memberships",
    )
    joined_in_round = models.CharField(_("joined in the round"), max_length=16, choices=Round.choices)
    position = models.PositiveSmallIntegerField(
        _("position"), help_text="order in the Act's list of the area's members"
    )

    class Meta:
        verbose_name = _("member of a trial area")
        verbose_name_plural = _("members of trial areas")
        ordering = ["trial_area__number", "position"]
        constraints = [
            models.UniqueConstraint(fields=["municipality"], name="municipality_in_one_trial_area"),
        ]

    def __str__(self) -> str:
        return f"{self.trial_area_id}: {self.municipality_id}"


class EmploymentArea(models.Model):
    """työllisyysalue / sysselsättningsområde: the municipality or group of municipalities that organises the
    public employment services from 1.1.2025 (Act 380/2023; law notes §7.3), a dated organisation with dated
    member municipalities, loaded from `data/employment_areas.csv` with each area's source
    (data/README.md)."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=120)
    name_sv = models.CharField(_("name in Swedish"), max_length=120)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    source = models.TextField(_("source"), help_text="where the area and its members were read")

    class Meta:
        ordering = ["code"]
        verbose_name = _("employment area")
        verbose_name_plural = _("employment areas")

    def __str__(self) -> str:
        return self.name_fi

    def names(self) -> dict[str, str]:
        return {"fi": self.name_fi, "sv": self.name_sv}

    def name_in(self, lang: str | None) -> str:
        return self.names().get(lang or "fi") or self.name_fi


class EmploymentAreaMember(models.Model):
    """A municipality's membership of an employment area from `valid_from` to `valid_to` (inclusive)."""

    area = models.ForeignKey(
        EmploymentArea, verbose_name=_("employment area"), on_delete=models.CASCADE, related_name="members"
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="employment_area_memberships",
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)

    class Meta:
        verbose_name = _("member of an employment area")
        verbose_name_plural = _("members of employment areas")
        ordering = ["area__code", "municipality__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "valid_from"], name="one_employment_area_per_municipality_and_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.area_id}: {self.municipality_id} from {self.valid_from}"
