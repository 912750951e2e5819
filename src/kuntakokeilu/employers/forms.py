"""The employer side's forms (R-SP-7): what they offer is limited to the user's grants; the checks are in
`services`, which the API calls too."""

from __future__ import annotations

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.regions.models import Municipality

from .models import ConsentScope, Employer, OfferedBy, Outcome, Vacancy

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class MunicipalityField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.names().get(translation.get_language() or "fi") or obj.name_fi


class PersonsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.full_name


class EmployerForm(forms.Form):
    business_id = forms.CharField(label=_("business id"), max_length=20, help_text=_("e.g. 1234567-8"))
    name = forms.CharField(label=_("name"), max_length=200)
    municipality = MunicipalityField(label=_("municipality"), queryset=Municipality.objects.none())
    contact = forms.CharField(
        label=_("contact person and details"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        if municipalities is not None:
            self.fields["municipality"].queryset = municipalities


class VacancyForm(forms.Form):
    title = forms.CharField(label=_("job title"), max_length=200)
    municipality = MunicipalityField(label=_("municipality"), queryset=Municipality.objects.none())
    published_on = forms.DateField(label=_("published on"), widget=DATE_WIDGET)
    apply_by = forms.DateField(label=_("apply by"), widget=DATE_WIDGET)
    assignment_date = forms.DateField(label=_("date of the employer's assignment"), widget=DATE_WIDGET)
    assignment_text = forms.CharField(
        label=_("the employer's assignment"), widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        if municipalities is not None:
            self.fields["municipality"].queryset = municipalities


NOT_CONSENTING = _(
    "Only a job seeker with a written consent valid today that covers this employer can be presented."
)


class PresentForm(forms.Form):
    """The customers who may be presented to the vacancy's employer (`candidates`: those with a covering
    consent); another choice is refused with the reason, nothing saved."""

    persons = PersonsField(
        label=_("job seekers to present"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": NOT_CONSENTING},
    )

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["persons"].queryset = candidates


class EmployerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return str(obj)


class ConsentForm(forms.Form):
    given_on = forms.DateField(label=_("given on"), widget=DATE_WIDGET)
    document = forms.CharField(
        label=_("the written consent (document reference or text)"), widget=forms.Textarea(attrs={"rows": 2})
    )
    scope = forms.ChoiceField(label=_("scope of the consent"), choices=ConsentScope.choices)
    employer = EmployerChoiceField(label=_("employer"), queryset=Employer.objects.none(), required=False)

    def __init__(self, *args, employers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if employers is not None:
            self.fields["employer"].queryset = employers


class WithdrawForm(forms.Form):
    withdrawn_on = forms.DateField(label=_("withdrawn on"), widget=DATE_WIDGET)


class VacancyChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.title}, {obj.employer.name}"


class OfferForm(forms.Form):
    vacancy = VacancyChoiceField(label=_("vacancy"), queryset=Vacancy.objects.none(), required=False)
    job = forms.CharField(label=_("job (if not a vacancy above)"), max_length=300, required=False)
    offered_on = forms.DateField(label=_("offered on"), widget=DATE_WIDGET)
    apply_by = forms.DateField(label=_("apply by"), widget=DATE_WIDGET)
    offered_by = forms.ChoiceField(label=_("offered by"), choices=OfferedBy.choices)

    def __init__(self, *args, vacancies=None, **kwargs):
        super().__init__(*args, **kwargs)
        if vacancies is not None:
            self.fields["vacancy"].queryset = vacancies


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("outcome"), choices=Outcome.choices)
    outcome_on = forms.DateField(label=_("date of the outcome"), widget=DATE_WIDGET)
    refusal_reason = forms.CharField(
        label=_("reason given for the refusal"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
