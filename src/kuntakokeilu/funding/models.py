"""Quotas, state staff and the municipalities' own funding (issue 18 items 3 and 5; SPEC R-RES-1, R-RES-3,
R-RES-4; law notes §4.7).

Amounts are whole euros. The ministry allocates an appropriation per ELY centre, instrument and year
(`MinistryAllocation`); the ELY centre divides it among the trial areas of its own area
(`QuotaComputation`, its inputs and result stored, and one `Quota` per area); the quotas in force are those
of the latest computation, an adjustment moving money between its areas with a reason. The ledger
(R-RES-2) charges a trial area's `Account` of an instrument and year with append-only `LedgerEntry` rows:
a commitment when a decision is accepted, a release when it is cancelled or shortened, a payment by import.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kuntakokeilu.regions.models import ElyCentre, Municipality, TrialArea


class Instrument(models.TextChoices):
    """The appropriations a trial area decides on or refers to (SPEC R-RES-1; seed "Resursointi")."""

    WAGE_SUBSIDY = "wage_subsidy", _("wage subsidy")
    START_UP_GRANT = "start_up_grant", _("start-up grant")
    TRAINING = "training", _("labour-market training")
    COACHING = "coaching", pgettext_lazy("instrument", "coaching and job-search training")
    EXPENSE_COMPENSATION = "expense_compensation", _("work trial expense compensation")
    TRAVEL = "travel", _("travel and accommodation costs")


# Training and coaching come from the ELY centre's own procurements (seed "Resursointi").
PROCURED = frozenset({Instrument.TRAINING, Instrument.COACHING})


class Method(models.TextChoices):
    BY_VOLUME = "by_volume", _("by customer volume on a date")
    MANUAL = "manual", _("manual")


class MinistryAllocation(models.Model):
    """The ministry's allocation to an ELY centre for an instrument and a year (R-RES-1)."""

    year = models.PositiveSmallIntegerField(_("year"))
    ely = models.ForeignKey(ElyCentre, on_delete=models.PROTECT, verbose_name=_("ELY centre"))
    instrument = models.CharField(_("instrument"), max_length=24, choices=Instrument.choices)
    amount = models.PositiveBigIntegerField(_("amount (EUR)"))
    decided_on = models.DateField(_("date of the decision"))
    reference = models.CharField(_("reference"), max_length=200)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("ministry allocation")
        verbose_name_plural = _("ministry allocations")
        ordering = ["year", "ely__code", "instrument"]
        constraints = [
            models.UniqueConstraint(fields=["year", "ely", "instrument"], name="funding_one_allocation")
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.ely.code} {self.instrument}"


class QuotaComputation(models.Model):
    """One division of an ELY centre's allocation among the trial areas of its area: the method, the volume
    date, the inputs (area number → customers) and the result (area number → euros) as computed."""

    ely = models.ForeignKey(ElyCentre, on_delete=models.PROTECT, verbose_name=_("ELY centre"))
    year = models.PositiveSmallIntegerField(_("year"))
    instrument = models.CharField(_("instrument"), max_length=24, choices=Instrument.choices)
    method = models.CharField(_("method"), max_length=16, choices=Method.choices)
    volume_date = models.DateField(_("customer volume on"), null=True, blank=True)
    total = models.PositiveBigIntegerField(_("amount divided (EUR)"))
    inputs = models.JSONField(_("inputs"), default=dict)
    result = models.JSONField(_("result"), default=dict)
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("computed by")
    )
    computed_at = models.DateTimeField(_("computed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("quota computation")
        verbose_name_plural = _("quota computations")
        ordering = ["-computed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.year} {self.ely.code} {self.instrument} #{self.pk}"


class Quota(models.Model):
    """A trial area's quota of an instrument for a year from a computation; `adjusted_amount` (with the
    reason, who and when) replaces the computed amount when an official has adjusted it."""

    computation = models.ForeignKey(
        QuotaComputation, on_delete=models.CASCADE, related_name="quotas", verbose_name=_("computation")
    )
    trial_area = models.ForeignKey(TrialArea, on_delete=models.PROTECT, verbose_name=_("trial area"))
    year = models.PositiveSmallIntegerField(_("year"))
    instrument = models.CharField(_("instrument"), max_length=24, choices=Instrument.choices)
    amount = models.PositiveBigIntegerField(_("computed amount (EUR)"))
    adjusted_amount = models.PositiveBigIntegerField(_("adjusted amount (EUR)"), null=True, blank=True)
    reason = models.TextField(_("reason for the adjustment"), blank=True)
    adjusted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("adjusted by"),
    )
    adjusted_at = models.DateTimeField(_("adjusted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("quota")
        verbose_name_plural = _("quotas")
        ordering = ["trial_area__number"]
        constraints = [
            models.UniqueConstraint(fields=["computation", "trial_area"], name="funding_one_quota_per_area")
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.trial_area.number} {self.instrument}"

    @property
    def current(self) -> int:
        return self.amount if self.adjusted_amount is None else self.adjusted_amount


class StatePersonYears(models.Model):
    """State staff placed under the trial area's municipal direction in a year (R-RES-3; L1269 s. 19)."""

    trial_area = models.ForeignKey(TrialArea, on_delete=models.PROTECT, verbose_name=_("trial area"))
    year = models.PositiveSmallIntegerField(_("year"))
    person_years = models.DecimalField(_("person-years"), max_digits=7, decimal_places=2)
    source = models.CharField(_("source"), max_length=200)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )

    class Meta:
        verbose_name = _("state person-years")
        verbose_name_plural = _("state person-years")
        ordering = ["trial_area__number", "year"]
        constraints = [
            models.UniqueConstraint(fields=["trial_area", "year"], name="funding_one_person_years")
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.trial_area.number}"


class SubsidyForm(models.TextChoices):
    """Forms of the municipality's 2018 labour-market-subsidy expenditure."""

    SHARE_300 = "share_300", _("municipal share of the labour market subsidy after 300 days (50 %)")
    SHARE_1000 = "share_1000", _("municipal share of the labour market subsidy after 1,000 days (70 %)")
    OTHER = "other", _("other labour-market-subsidy expenditure")


class SubsidyExpenditure2018(models.Model):
    """A municipality's 2018 labour-market-subsidy expenditure by form (R-RES-4: an input, no public file)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, verbose_name=_("municipality"))
    form = models.CharField(_("form"), max_length=16, choices=SubsidyForm.choices)
    amount = models.PositiveBigIntegerField(_("amount (EUR)"))

    class Meta:
        verbose_name = _("2018 labour-market-subsidy expenditure")
        verbose_name_plural = _("2018 labour-market-subsidy expenditure")
        ordering = ["municipality__code", "form"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "form"], name="funding_one_expenditure_form")
        ]

    def __str__(self) -> str:
        return f"{self.municipality.code} {self.form}"


class OwnResourcing(models.Model):
    """A municipality's own resourcing of the pilot in a year, planned and realised (R-RES-4)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, verbose_name=_("municipality"))
    year = models.PositiveSmallIntegerField(_("year"))
    planned_eur = models.PositiveBigIntegerField(_("planned (EUR)"))
    planned_person_years = models.DecimalField(_("planned person-years"), max_digits=7, decimal_places=2)
    realised_eur = models.PositiveBigIntegerField(_("realised (EUR)"), null=True, blank=True)
    realised_person_years = models.DecimalField(
        _("realised person-years"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )

    class Meta:
        verbose_name = _("own resourcing")
        verbose_name_plural = _("own resourcing")
        ordering = ["municipality__code", "year"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="funding_one_own_resourcing")
        ]

    def __str__(self) -> str:
        return f"{self.municipality.code} {self.year}"


class Account(models.Model):
    """A trial area's account of one instrument in one year (R-RES-2): the row an approval locks before it
    commits money (SELECT … FOR UPDATE on PostgreSQL; SQLite's write lock through immediate transactions),
    with the ledger's running totals in euros. The quota itself stays in `Quota` (recomputed and adjusted
    there); the totals always equal the sums of the account's entries (`check_ledger`)."""

    trial_area = models.ForeignKey(TrialArea, on_delete=models.PROTECT, verbose_name=_("trial area"))
    year = models.PositiveSmallIntegerField(_("year"))
    instrument = models.CharField(_("instrument"), max_length=24, choices=Instrument.choices)
    committed = models.DecimalField(_("committed (EUR)"), max_digits=14, decimal_places=2, default=0)
    paid = models.DecimalField(_("paid (EUR)"), max_digits=14, decimal_places=2, default=0)

    class Meta:
        verbose_name = _("quota account")
        verbose_name_plural = _("quota accounts")
        ordering = ["year", "trial_area__number", "instrument"]
        constraints = [
            models.UniqueConstraint(fields=["trial_area", "year", "instrument"], name="funding_one_account")
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.trial_area.number} {self.instrument}"


class EntryKind(models.TextChoices):
    COMMITMENT = "commitment", _("commitment")
    RELEASE = "release", _("release")
    PAYMENT = "payment", _("payment")


class LedgerEntry(models.Model):
    """One movement on an account, never changed or deleted (R-RES-2). `amount` is positive: a commitment adds
    to the account's committed euros, a release takes from them, a payment adds to the paid euros. `months` is
    the number of the decision's months charged to this year (a decision spanning two years is charged to each
    year's account by its months)."""

    account = models.ForeignKey(
        Account, on_delete=models.PROTECT, related_name="entries", verbose_name=_("quota account")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=EntryKind.choices)
    amount = models.DecimalField(_("amount (EUR)"), max_digits=12, decimal_places=2)
    decision = models.ForeignKey(
        "decisions.Decision",
        on_delete=models.PROTECT,
        related_name="ledger_entries",
        verbose_name=_("decision"),
    )
    months = models.PositiveSmallIntegerField(_("months"), null=True, blank=True)
    booked_on = models.DateField(_("booked on"))
    reference = models.CharField(_("reference"), max_length=100, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        ordering = ["booked_on", "pk"]
        indexes = [models.Index(fields=["account", "booked_on"], name="funding_entry_account_day")]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="funding_entry_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.account} {self.kind} {self.amount}"
