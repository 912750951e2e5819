"""The funding pages' forms: they parse the input; the checks live in `services` (one place)."""

from __future__ import annotations

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.regions.models import ElyCentre

from .models import Instrument


class NamedChoiceField(forms.ModelChoiceField):
    """A choice of places shown by their names in the page's language."""

    def label_from_instance(self, obj) -> str:
        lang = (get_language() or "fi")[:2]
        return getattr(obj, f"name_{lang}", None) or obj.name_fi


class AllocationForm(forms.Form):
    ely = NamedChoiceField(ElyCentre.objects.order_by("code"), label=_("ELY centre"))
    instrument = forms.ChoiceField(label=_("instrument"), choices=Instrument.choices)
    amount = forms.IntegerField(label=_("amount (EUR)"), min_value=0, max_value=10**12)
    decided_on = forms.DateField(label=_("date of the decision"))
    reference = forms.CharField(label=_("reference"), max_length=200)


class ComputeForm(forms.Form):
    """The page divides by customer volume (the default method); a manual division is an adjustment of it
    with a reason, or through the API."""

    instrument = forms.ChoiceField(label=_("instrument"), choices=Instrument.choices)
    volume_date = forms.DateField(label=_("customer volume on"))


class AdjustForm(forms.Form):
    """One amount per trial area (fields `area_<number>`) and the reason."""

    instrument = forms.ChoiceField(choices=Instrument.choices, widget=forms.HiddenInput)
    reason = forms.CharField(label=_("reason for the adjustment"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.area_fields = []
        for area in areas:
            name = f"area_{area.number}"
            label = getattr(area, f"name_{(get_language() or 'fi')[:2]}", None) or area.name_fi
            self.fields[name] = forms.IntegerField(label=label, min_value=0, max_value=10**12)
            self.area_fields.append((area, name))

    def amounts(self) -> dict[int, int]:
        return {area.number: self.cleaned_data[name] for area, name in self.area_fields}


class OwnResourcingForm(forms.Form):
    municipality = forms.ChoiceField(label=_("municipality"))
    year = forms.IntegerField(label=_("year"))
    planned_eur = forms.IntegerField(label=_("planned (EUR)"), min_value=0, max_value=10**12)
    planned_person_years = forms.DecimalField(label=_("planned person-years"), min_value=0, decimal_places=2)
    realised_eur = forms.IntegerField(
        label=_("realised (EUR)"), min_value=0, max_value=10**12, required=False
    )
    realised_person_years = forms.DecimalField(
        label=_("realised person-years"), min_value=0, decimal_places=2, required=False
    )

    def __init__(self, *args, municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [(m.code, m.name_fi) for m in municipalities]


class ExpenditureImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))


class PersonYearsForm(forms.Form):
    year = forms.IntegerField(label=_("year"))
    person_years = forms.DecimalField(label=_("person-years"), min_value=0, decimal_places=2)
    source = forms.CharField(label=_("source"), max_length=200)
