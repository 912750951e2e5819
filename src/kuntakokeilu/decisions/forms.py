"""The decision forms: the facts the rule of the chosen benefit takes (built from its input fields) and the
terms the worker sets within what the rule allows; the checks are `services.prepare`'s."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.rules.registry import get_rule

from . import labels
from .models import LetterTemplate

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
YES_NO = [("true", _("yes")), ("false", _("no"))]
YES_NO_UNKNOWN = [("", _("not known")), *YES_NO]


def _fact_field(field) -> forms.Field:
    label = labels.FIELDS.get(field.name, field.name)
    required = not field.nullable
    if field.choices:
        names = labels.CHOICES.get(field.name, {})
        return forms.ChoiceField(label=label, choices=[(c, names.get(c, c)) for c in field.choices])
    if field.type == "bool":
        return forms.ChoiceField(
            label=label, choices=YES_NO_UNKNOWN if field.nullable else YES_NO, required=required
        )
    if field.type == "int":
        return forms.IntegerField(label=label, required=required)
    if field.type == "number":
        return forms.DecimalField(label=label, required=required, decimal_places=2)
    if field.type == "date":
        return forms.DateField(label=label, required=required, widget=DATE_WIDGET)
    return forms.CharField(label=label, required=required)


class DecisionForm(forms.Form):
    """The facts of `instrument`'s rule (prefixed `fact_`), then the percentage, period and amount."""

    percent = forms.IntegerField(label=_("percentage"), required=False, min_value=0)
    start = forms.DateField(label=_("period start"), widget=DATE_WIDGET, required=False)
    end = forms.DateField(label=_("period end"), widget=DATE_WIDGET, required=False)
    amount = forms.DecimalField(label=_("amount (euros)"), required=False, decimal_places=2, max_digits=12)

    def __init__(self, *args, instrument: str, with_reason: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        terms = dict(self.fields)
        self.fields.clear()
        self.fact_names = []
        for field in get_rule(instrument).fields:
            self.fields[f"fact_{field.name}"] = _fact_field(field)
            self.fact_names.append(field.name)
        self.fields.update(terms)
        if with_reason:
            self.fields["reason"] = forms.CharField(
                label=_("reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
            )

    def facts(self) -> dict:
        """The facts as the rule takes them (yes/no as booleans, empty as null, numbers as numbers)."""
        out = {}
        for name in self.fact_names:
            value = self.cleaned_data.get(f"fact_{name}")
            if value in ("true", "false"):
                value = value == "true"
            elif value == "":
                value = None
            elif hasattr(value, "as_tuple"):  # Decimal
                value = float(value)
            elif hasattr(value, "isoformat"):
                value = value.isoformat()
            out[name] = value
        return out

    def terms(self) -> dict:
        return {k: self.cleaned_data.get(k) for k in ("amount", "percent", "start", "end")}

    @staticmethod
    def initial_from_facts(facts: dict) -> dict:
        initial = {}
        for name, value in facts.items():
            if isinstance(value, bool):
                value = "true" if value else "false"
            initial[f"fact_{name}"] = "" if value is None else value
        return initial


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000)


class TemplateForm(forms.ModelForm):
    """A new version of a letter template (the one a stored letter used is kept)."""

    class Meta:
        model = LetterTemplate
        fields = [
            "instrument",
            "language",
            "valid_from",
            "grounds_intro",
            "appeal_heading",
            "appeal_text",
            "legal_review_pending",
        ]
        widgets = {
            "valid_from": DATE_WIDGET,
            "grounds_intro": forms.Textarea(attrs={"rows": 4}),
            "appeal_text": forms.Textarea(attrs={"rows": 8}),
        }


class PaymentsImportForm(forms.Form):
    file = forms.FileField(label=_("CSV file"))
