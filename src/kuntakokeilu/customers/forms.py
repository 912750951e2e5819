from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.regions.models import Municipality

from .identity import InvalidHenkilotunnus, parse_henkilotunnus
from .models import (
    CODE_KINDS,
    FLAG_KINDS,
    MUNICIPALITY_KINDS,
    REQUEST_GROUNDS,
    FactKind,
    KeepReason,
    RequestReason,
)
from .search import SEARCH_PURPOSES, purpose_of
from .statuses import STATUSES
from .values import BadValue, parse_mother_tongue, parse_municipality

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
YES_NO = [("true", _("yes")), ("false", _("no"))]


class SearchForm(forms.Form):
    """A search by name, or by identity code with the purpose stated (R-X-2); sent by POST only."""

    query = forms.CharField(
        label=_("Name or personal identity code"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    purpose = forms.ChoiceField(
        label=_("Purpose of the search"),
        required=False,
        choices=[("", _("— choose when searching by identity code —"))]
        + [(p.value, p.label) for p in SEARCH_PURPOSES],
        help_text=_("A search by personal identity code is logged with the purpose you give."),
    )

    def clean(self):
        data = super().clean()
        try:
            data["purpose"] = purpose_of(data.get("query", ""), data.get("purpose"))
        except ValidationError as exc:
            self.add_error(None, exc)
        return data

    def chosen_purpose(self) -> str:
        return self.cleaned_data["purpose"]


class DateForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)


class HenkilotunnusForm(forms.Form):
    henkilotunnus = forms.CharField(
        label=_("Personal identity code"),
        max_length=11,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    def clean_henkilotunnus(self):
        try:
            return parse_henkilotunnus(self.cleaned_data["henkilotunnus"]).code
        except InvalidHenkilotunnus as exc:
            raise forms.ValidationError(str(exc)) from None


class CorrectionForm(forms.Form):
    """The corrected value of one fact, the date it holds from, and the reason (the history is kept)."""

    valid_from = forms.DateField(label=_("Valid from"), widget=DATE_WIDGET)
    # issue 14 (L1269 s. 5 mom 2): the day the change was reported; empty = the day of the correction
    reported_on = forms.DateField(
        label=_("Reported to the TE office on (empty: today)"), required=False, widget=DATE_WIDGET
    )
    reason = forms.CharField(
        label=_("Reason for the correction"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, fact, **kwargs):
        super().__init__(*args, **kwargs)
        self.fact = fact
        kind = fact.kind
        if kind in MUNICIPALITY_KINDS:
            self.fields["municipality"] = forms.CharField(label=_("Municipality code"), max_length=3)
        elif kind == FactKind.STATUS:
            self.fields["code"] = forms.ChoiceField(label=_("Labour-market status"), choices=STATUSES)
        elif kind == FactKind.MOTHER_TONGUE:
            self.fields["code"] = forms.CharField(label=_("Mother tongue (ISO 639-1 code)"), max_length=3)
        elif kind in FLAG_KINDS:
            self.fields["flag"] = forms.ChoiceField(label=fact.get_kind_display(), choices=YES_NO)
        if kind == FactKind.CHANGE_SECURITY:
            self.fields["date_value"] = forms.DateField(
                label=_("Date the notice was given"), required=False, widget=DATE_WIDGET
            )
        if kind == FactKind.JOB_SEARCH:
            self.fields["valid_from"].label = _("Job search start")
            self.fields["end_date"] = forms.DateField(
                label=_("Job search end"), required=False, widget=DATE_WIDGET
            )
        self.order_fields(
            ["valid_from", "municipality", "code", "flag", "date_value", "end_date", "reported_on", "reason"]
        )

    def clean(self):
        data = super().clean()
        valid_from = data.get("valid_from")
        try:
            if "municipality" in data and valid_from:
                data["municipality"] = parse_municipality(data["municipality"], valid_from)
            if self.fact.kind == FactKind.MOTHER_TONGUE and "code" in data:
                data["code"] = parse_mother_tongue(data["code"])
        except BadValue as exc:
            field = "municipality" if "municipality" in self.fields else "code"
            self.add_error(field, str(exc.message))
        if "flag" in data:
            data["flag"] = data["flag"] == "true"
        if self.fact.kind == FactKind.CHANGE_SECURITY and data.get("date_value") and not data.get("flag"):
            self.add_error("date_value", _("A notice date needs change security."))
        return data

    def values(self) -> dict:
        names = ("municipality", "code", "flag", "date_value", "end_date")
        return {name: self.cleaned_data[name] for name in names if name in self.fields}


def initial_for(fact) -> dict:
    initial = {"valid_from": fact.valid_from, "date_value": fact.date_value, "end_date": fact.end_date}
    if fact.kind in MUNICIPALITY_KINDS:
        initial["municipality"] = fact.municipality.code if fact.municipality_id else ""
    elif fact.kind in CODE_KINDS:
        initial["code"] = fact.code
    elif fact.kind in FLAG_KINDS:
        initial["flag"] = "true" if fact.flag else "false"
    return initial


IMPORT_MAX_BYTES = 5 * 1024 * 1024  # R-X-3: an oversized upload is refused before it is read


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file of job seekers"),
        help_text=_("The format is described on the page “The import file's format”; at most 5 MB."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > IMPORT_MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


# --- transfer requests (R-TG-5) --------------------------------------------------------------------


class TrialMunicipalityField(forms.ModelChoiceField):
    """A trial municipality, named in the page's language."""

    def label_from_instance(self, obj):
        from django.utils import translation

        return obj.names().get(translation.get_language() or "fi") or obj.name_fi


class RequestForm(forms.Form):
    """A job seeker's request to move back to the TE office or to another trial municipality (L1269 s. 5
    as amended by L421/2021); `transfer_requests.ask` checks it against the register."""

    asked_on = forms.DateField(label=_("Asked on"), widget=DATE_WIDGET)
    ground = forms.ChoiceField(
        label=_("Requested transfer"),
        widget=forms.RadioSelect,
        choices=[(g.value, g.label) for g in REQUEST_GROUNDS],
    )
    municipality = TrialMunicipalityField(
        label=_("Receiving trial municipality"),
        required=False,
        queryset=Municipality.objects.none(),
        help_text=_("Only for a transfer to another trial municipality."),
    )
    reason = forms.ChoiceField(label=_("Reason"), widget=forms.RadioSelect, choices=RequestReason.choices)
    services_secured = forms.BooleanField(
        label=_("The move does not endanger services matching the person's needs"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.filter(
            trial_memberships__isnull=False
        ).order_by("name_fi")


class RequestAnswerForm(forms.Form):
    """The receiving municipality's answer or the TE office's decision: yes or no."""

    answer = forms.ChoiceField(choices=[("yes", _("yes")), ("no", _("no"))])

    @property
    def yes(self) -> bool:
        return self.cleaned_data["answer"] == "yes"


class KeepForm(forms.Form):
    """The TE office keeps a person (L1269 s. 5 mom 3, mom 5 after L671/2022); `worklist.keep` checks."""

    keep_reason = forms.ChoiceField(
        label=_("Reason"), choices=KeepReason.choices, widget=forms.RadioSelect, required=False
    )
    keep_text = forms.CharField(
        label=_("Explanation (required for another justified reason)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
