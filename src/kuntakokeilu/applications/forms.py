"""The application form (R-APP-2): every item optional while a draft; submission checks completeness."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.regions.models import Municipality, RegionalMembership, TrialArea

from .messages import ITEMS
from .queries import earlier_areas

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
CONSENT_CHOICES = [("", _("not recorded")), ("true", _("yes")), ("false", _("no"))]


def _label(code: str):
    return _(ITEMS[code])


def municipality_label(mun: Municipality) -> str:
    lang = translation.get_language() or "fi"
    name = mun.name_sv if lang == "sv" else mun.name_fi
    return f"{name} ({mun.code})"


# Finnish and Swedish alphabetical order: å, ä, ö after z (code points would put ä before å).
_ALPHABET_END = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y"})


def alphabetical(text: str) -> str:
    return text.lower().translate(_ALPHABET_END)


def offered_municipalities(on: dt.date) -> list[Municipality]:
    """The municipalities an application may name on `on`, by name in the page's language (issue 15).
    Not Åland's: the pilot act does not apply there (its employment services are Åland's own, so its
    municipalities have no TE office in the regional division)."""
    aland = RegionalMembership.objects.valid_on(on).filter(te_office__isnull=True).values("municipality_id")
    municipalities = Municipality.objects.valid_on(on).exclude(pk__in=aland)
    return sorted(municipalities, key=lambda m: alphabetical(municipality_label(m)))


class ApplicationForm(forms.Form):
    name = forms.CharField(label=_label("name"), max_length=200, required=False)
    municipalities = forms.MultipleChoiceField(
        label=_label("municipalities"),
        required=False,
        help_text=_("For an enlargement, only the new municipalities."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    lead = forms.ChoiceField(label=_label("lead"))
    extends_area = forms.TypedChoiceField(
        label=_("Enlarges the trial area"), required=False, coerce=int, empty_value=None
    )
    extension_consent = forms.TypedChoiceField(
        label=_label("extension_consent"),
        choices=CONSENT_CHOICES,
        required=False,
        coerce=lambda v: v == "true",
        empty_value=None,
    )
    estimated_customers = forms.IntegerField(
        label=_label("estimated_customers"),
        min_value=0,
        required=False,
        help_text=_("Leave empty to have the system estimate it from the job-seeker statistics."),
    )
    own_resourcing_eur = forms.DecimalField(
        label=_("Own resourcing, euros a year"), min_value=0, max_digits=14, decimal_places=2, required=False
    )
    own_resourcing_person_years = forms.DecimalField(
        label=_("Own resourcing, person-years a year"),
        min_value=0,
        max_digits=8,
        decimal_places=1,
        required=False,
    )
    lms_expenditure = forms.CharField(
        label=_("Each member's 2018 labour-market-subsidy expenditure, if known"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One line per municipality: code and euros, e.g. 434: 1200000"),
    )
    service_model = forms.CharField(label=_label("service_model"), required=False, widget=forms.Textarea)
    cooperation_structure = forms.CharField(
        label=_label("cooperation_structure"), required=False, widget=forms.Textarea
    )
    division_of_work = forms.CharField(
        label=_label("division_of_work"),
        required=False,
        widget=forms.Textarea,
        help_text=_("Joint applications only."),
    )
    negotiated_with_ely_on = forms.DateField(
        label=_label("negotiations_ely"), required=False, widget=DATE_WIDGET
    )
    negotiated_with_te_office_on = forms.DateField(
        label=_label("negotiations_te"), required=False, widget=DATE_WIDGET
    )
    premises = forms.CharField(label=_label("premises"), required=False, widget=forms.Textarea)
    justification = forms.CharField(
        label=_label("justification"),
        required=False,
        widget=forms.Textarea,
        help_text=_("Only when the application departs from a boundary condition."),
    )

    def __init__(self, *args, round_, on: dt.date, own: list[str] | None = None, **kwargs):
        """`own`: the municipality codes the applicant's grants cover; the lead must be one of them."""
        super().__init__(*args, **kwargs)
        self.round = round_
        self.own = own
        municipalities = offered_municipalities(on)
        self.by_code = {m.code: m for m in municipalities}
        choices = [(m.code, municipality_label(m)) for m in municipalities]
        self.fields["municipalities"].choices = choices
        self.fields["lead"].choices = choices
        areas = earlier_areas(round_)
        self.areas = {a.number: a for a in TrialArea.objects.filter(number__in=areas)}
        lang = translation.get_language() or "fi"
        self.fields["extends_area"].choices = [("", _("no: a new area"))] + [
            (number, f"{number} {area.names().get(lang) or area.name_fi}")
            for number, area in sorted(self.areas.items())
        ]

    def clean_lms_expenditure(self) -> dict:
        figures = {}
        for line in self.cleaned_data["lms_expenditure"].splitlines():
            if not line.strip():
                continue
            code, _sep, euros = line.partition(":")
            try:
                value = Decimal(euros.strip().replace(" ", "").replace(",", "."))
            except InvalidOperation:
                raise forms.ValidationError(_("Write each line as code: euros, e.g. 434: 1200000")) from None
            if code.strip() not in self.by_code or value < 0:
                raise forms.ValidationError(_("Write each line as code: euros, e.g. 434: 1200000"))
            figures[code.strip()] = float(value)
        return figures

    def clean_lead(self) -> str:
        lead = self.cleaned_data["lead"]
        if self.own is not None and lead not in self.own:
            names = ", ".join(municipality_label(self.by_code[c]) for c in self.own if c in self.by_code)
            raise forms.ValidationError(
                _("The lead municipality must be your own municipality: %(names)s."), params={"names": names}
            )
        return lead

    def clean(self):
        data = super().clean()
        members = set(data.get("municipalities") or [])
        unknown = set(data.get("lms_expenditure") or {}) - members
        if unknown:
            self.add_error("lms_expenditure", _("Give figures only for the application's municipalities."))
        return data

    def application_data(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "lead": self.by_code[data["lead"]],
            "municipalities": [self.by_code[c] for c in data["municipalities"]],
            "extends_area": self.areas.get(data["extends_area"]) if data["extends_area"] else None,
            "extension_consent": data["extension_consent"],
            "estimated_customers": data["estimated_customers"],
            "own_resourcing_eur": data["own_resourcing_eur"],
            "own_resourcing_person_years": data["own_resourcing_person_years"],
            "lms_expenditure_2018_eur": data["lms_expenditure"],
            "service_model": data["service_model"],
            "cooperation_structure": data["cooperation_structure"],
            "division_of_work": data["division_of_work"],
            "negotiated_with_ely_on": data["negotiated_with_ely_on"],
            "negotiated_with_te_office_on": data["negotiated_with_te_office_on"],
            "premises": data["premises"],
            "justification": data["justification"],
        }


def initial_for(application) -> dict:
    return {
        "name": application.name,
        "lead": application.lead.code,
        "municipalities": [m.code for m in application.municipalities.all()],
        "extends_area": application.extends_area.number if application.extends_area else "",
        "extension_consent": {True: "true", False: "false"}.get(application.extension_consent, ""),
        "estimated_customers": application.estimated_customers,
        "own_resourcing_eur": application.own_resourcing_eur,
        "own_resourcing_person_years": application.own_resourcing_person_years,
        "lms_expenditure": "\n".join(
            f"{k}: {v:g}" for k, v in (application.lms_expenditure_2018_eur or {}).items()
        ),
        "service_model": application.service_model,
        "cooperation_structure": application.cooperation_structure,
        "division_of_work": application.division_of_work,
        "negotiated_with_ely_on": application.negotiated_with_ely_on,
        "negotiated_with_te_office_on": application.negotiated_with_te_office_on,
        "premises": application.premises,
        "justification": application.justification,
    }


class SupplementForm(forms.Form):
    note = forms.CharField(label=_("What is to be supplemented"), widget=forms.Textarea(attrs={"rows": 3}))


class DecisionForm(forms.Form):
    decided_on = forms.DateField(label=_("Date of the decision"), widget=DATE_WIDGET)
    decision_maker = forms.CharField(label=_("Decision-maker"), max_length=200)
    grounds = forms.CharField(label=_("Grounds"), widget=forms.Textarea(attrs={"rows": 4}))
