"""The employer side of the service process (R-SP-7; law notes §3.8): employers, the vacancies of their
assignments, the job seekers' written consents to be presented to employers, presentations and job offers
(työtarjous) with their outcome. Written by `services` only."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kuntakokeilu.customers.models import Person
from kuntakokeilu.regions.models import Municipality


class Employer(models.Model):
    business_id = models.CharField(_("business id"), max_length=9, unique=True)
    name = models.CharField(_("name"), max_length=200)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    contact = models.TextField(_("contact person and details"), blank=True, default="")
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.business_id})"


class VacancyStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("vacancy", "open")
    FILLED = "filled", pgettext_lazy("vacancy", "filled")
    CLOSED = "closed", pgettext_lazy("vacancy", "closed")


class Vacancy(models.Model):
    """A vacancy the municipality forwards on an employer's assignment (L1269 s. 10 mom 1 p6)."""

    employer = models.ForeignKey(Employer, on_delete=models.PROTECT, related_name="vacancies")
    title = models.CharField(_("job title"), max_length=200)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    published_on = models.DateField(_("published on"))
    apply_by = models.DateField(_("apply by"))
    assignment_date = models.DateField(_("date of the employer's assignment"))
    assignment_text = models.TextField(_("the employer's assignment"))
    status = models.CharField(
        _("status"), max_length=8, choices=VacancyStatus.choices, default=VacancyStatus.OPEN
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-published_on", "-id"]

    def __str__(self) -> str:
        return f"{self.title} ({self.employer.name})"


class ConsentScope(models.TextChoices):
    ALL = "all", _("all employers")
    ONE = "one", _("one employer")


class PresentationConsent(models.Model):
    """The job seeker's written consent to be presented to employers: the stored document or its text."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="presentation_consents")
    given_on = models.DateField(_("given on"))
    written = models.BooleanField(_("written"), default=True)
    document = models.TextField(_("the written consent (document reference or text)"))
    scope = models.CharField(_("scope of the consent"), max_length=3, choices=ConsentScope.choices)
    employer = models.ForeignKey(
        Employer, on_delete=models.PROTECT, null=True, blank=True, related_name="consents"
    )
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-given_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(scope="all", employer__isnull=True)
                    | models.Q(scope="one", employer__isnull=False)
                ),
                name="employers_consent_scope_employer",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person_id} {self.given_on} ({self.scope})"

    def covers(self, employer: Employer, on) -> bool:
        """Valid on `on` for `employer`: written, given by then, not withdrawn by then, in its scope."""
        if not self.written or not self.document.strip() or self.given_on > on:
            return False
        if self.withdrawn_on is not None and self.withdrawn_on <= on:
            return False
        return self.scope == ConsentScope.ALL or self.employer_id == employer.pk


class Presentation(models.Model):
    """A job seeker presented to the employer of a vacancy, with the consent that allowed it."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.PROTECT, related_name="presentations")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="presentations")
    presented_on = models.DateField(_("presented on"))
    presented_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    consent = models.ForeignKey(PresentationConsent, on_delete=models.PROTECT, related_name="presentations")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-presented_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "person"], name="employers_presented_once"),
        ]

    def __str__(self) -> str:
        return f"{self.person_id} → {self.vacancy_id} ({self.presented_on})"


class OfferedBy(models.TextChoices):
    AUTHORITY = "authority", _("the municipality (the authority)")
    EMPLOYER = "employer", _("an employer individually")


class Outcome(models.TextChoices):
    APPLIED = "applied", pgettext_lazy("job offer", "applied")
    HIRED = "hired", pgettext_lazy("job offer", "hired")
    REFUSED = "refused", pgettext_lazy("job offer", "refused")
    NO_ANSWER = "no_answer", pgettext_lazy("job offer", "no answer")


class JobOffer(models.Model):
    """A job offer (työtarjous) to a job seeker: a vacancy or a job in free text, and its outcome."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="job_offers")
    vacancy = models.ForeignKey(
        Vacancy, on_delete=models.PROTECT, null=True, blank=True, related_name="offers"
    )
    job = models.CharField(_("job"), max_length=300, blank=True, default="")
    offered_on = models.DateField(_("offered on"))
    apply_by = models.DateField(_("apply by"))
    offered_by = models.CharField(_("offered by"), max_length=10, choices=OfferedBy.choices)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True, default="")
    outcome_on = models.DateField(_("date of the outcome"), null=True, blank=True)
    refusal_reason = models.TextField(_("reason given for the refusal"), blank=True, default="")
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-offered_on", "-id"]

    def __str__(self) -> str:
        return f"{self.job_label} ({self.offered_on})"

    @property
    def job_label(self) -> str:
        if self.vacancy_id is not None:
            return f"{self.vacancy.title}, {self.vacancy.employer.name}"
        return self.job
