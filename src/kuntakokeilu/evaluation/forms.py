"""The run form (R-EVAL-3): the choices of the specification file format, checked by `spec.validate`.

Each field is checked on its own first (months), then the whole specification; a `SpecError` is shown at
the field it names, in the page's language.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from . import spec

OUTCOME_LABELS = {
    "unemployment_rate_pct": _("Unemployment rate, % (unemployment_rate_pct)"),
    "unemployed_jobseekers": _("Unemployed job seekers (unemployed_jobseekers)"),
    "open_vacancies": _("Open vacancies (open_vacancies)"),
}
VARIANT_LABELS = {
    "baseline": _("baseline: all months, municipality and month fixed effects"),
    "covid_group_month": _("COVID-19: municipal group × month fixed effects"),
    "covid_excluded": _("COVID-19: months 2020-03…2021-02 left out"),
    "no_capital": _("without the capital region (Helsinki, Espoo, Vantaa, Kauniainen)"),
    "supplementary_only": _("treated: only the trial areas of the supplementary round"),
}
WEIGHT_LABELS = {"none": _("unweighted"), "labour_force": _("weighted by the labour force")}
CLUSTER_LABELS = {"municipality": _("by municipality"), "trial_area": _("by trial area")}
INFERENCE_LABELS = {"CRV1": _("CRV1 by trial area"), "CRV3": _("CRV3 (jackknife) by trial area")}
UNIT_LABELS = {"quarter": _("quarters"), "month": _("months")}
MONTH_HELP = _("A month as YYYY-MM, e.g. 2021-03.")

# Where each specification key's errors are shown (others: at the top of the form).
FIELD_OF_KEY = {
    "name": "name",
    "outcome": "outcome",
    "sample.start": "sample_start",
    "sample.end": "sample_end",
    "treatment.start": "treatment_start",
    "cluster": "cluster",
    "weights": "weights",
    "variants": "variants",
    "inference.trial_area": "trial_area_inference",
    "inference.randomisation_reps": "randomisation_reps",
    "event_study.unit": "event_unit",
    "event_study.reference": "event_unit",
    "placebo.starts": "placebo_starts",
    "placebo.end": "placebo_end",
    "seed": "seed",
}
MONTH_FIELDS = {
    "sample_start": "sample.start",
    "sample_end": "sample.end",
    "treatment_start": "treatment.start",
    "placebo_end": "placebo.end",
}


def _choices(labels: dict[str, Any]) -> list[tuple[str, Any]]:
    return list(labels.items())


def _month_field(label, help_text=MONTH_HELP) -> forms.CharField:
    return forms.CharField(
        label=label, max_length=7, help_text=help_text, widget=forms.TextInput(attrs={"size": 8})
    )


class RunForm(forms.Form):
    name = forms.CharField(label=_("Name of the run"), max_length=spec.MAX_NAME)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=_choices(OUTCOME_LABELS))
    sample_start = _month_field(_("First month of the sample"))
    sample_end = _month_field(_("Last month of the sample"))
    treatment_start = _month_field(_("Start of the pilot (first treated month)"))
    variants = forms.MultipleChoiceField(
        label=_("Variants and sub-samples"),
        choices=_choices(VARIANT_LABELS),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("The baseline is always needed; the report puts the variants side by side."),
    )
    weights = forms.MultipleChoiceField(
        label=_("Weights"),
        choices=_choices(WEIGHT_LABELS),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    cluster = forms.ChoiceField(
        label=_("Clustering of the headline standard error (CRV1)"),
        choices=_choices(CLUSTER_LABELS),
        widget=forms.RadioSelect,
    )
    trial_area_inference = forms.MultipleChoiceField(
        label=_("Inference by trial area"),
        choices=_choices(INFERENCE_LABELS),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Untreated municipalities are their own clusters. The summary is judged on these."),
    )
    randomisation_reps = forms.IntegerField(
        label=_("Randomisation inference draws (unweighted model; 0 = none)"),
        help_text=_("Few-cluster inference over trial-area assignment; 999 draws take a few seconds."),
    )
    event_unit = forms.ChoiceField(
        label=_("Event-study periods"),
        choices=_choices(UNIT_LABELS),
        widget=forms.RadioSelect,
        help_text=_("Relative to the start; the period before the start is the reference."),
    )
    placebo_starts = forms.CharField(
        label=_("Placebo start dates"),
        required=False,
        help_text=_("Months YYYY-MM separated by commas, in the pre-period."),
    )
    placebo_end = _month_field(
        _("Last month of the placebo samples"),
        _("Placebo samples stop here, before the COVID-19 shock and the pilot (YYYY-MM)."),
    )
    seed = forms.IntegerField(label=_("Random seed"), help_text=_("The same seed gives the same results."))

    specification: dict[str, Any] | None = None

    def _clean_month(self, field: str) -> str:
        try:
            return spec.month(self.cleaned_data[field], MONTH_FIELDS[field])
        except spec.SpecError as exc:
            raise forms.ValidationError(exc.render()) from exc

    def clean_sample_start(self) -> str:
        return self._clean_month("sample_start")

    def clean_sample_end(self) -> str:
        return self._clean_month("sample_end")

    def clean_treatment_start(self) -> str:
        return self._clean_month("treatment_start")

    def clean_placebo_end(self) -> str:
        return self._clean_month("placebo_end")

    def clean_placebo_starts(self) -> list[str]:
        parts = [p for p in self.cleaned_data["placebo_starts"].replace(",", " ").split() if p]
        try:
            return [spec.month(p, "placebo.starts") for p in parts]
        except spec.SpecError as exc:
            raise forms.ValidationError(exc.render()) from exc

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors:
            return data
        try:
            self.specification = spec.validate(to_spec(data))
        except spec.SpecError as exc:
            self.add_error(FIELD_OF_KEY.get(exc.field), exc.render())
        return data


def to_spec(data: dict[str, Any]) -> dict[str, Any]:
    """The form's cleaned data as a specification (the fixed choices as the file format has them)."""
    return {
        "name": data["name"],
        "outcome": data["outcome"],
        "sample": {"start": data["sample_start"], "end": data["sample_end"]},
        "treatment": {
            "start": data["treatment_start"],
            "treated": spec.TREATED[0],
            "comparison": spec.COMPARISON[0],
        },
        "fixed_effects": list(spec.FIXED_EFFECTS),
        "cluster": data["cluster"],
        "weights": data["weights"],
        "inference": {
            "trial_area": data["trial_area_inference"],
            "randomisation_reps": data["randomisation_reps"],
        },
        "event_study": {"unit": data["event_unit"]},
        "placebo": {"starts": data["placebo_starts"], "end": data["placebo_end"]},
        "variants": data["variants"],
        "seed": data["seed"],
    }


def initial_from(specification: dict[str, Any]) -> dict[str, Any]:
    """Form values of a validated specification (the default one prefills the form)."""
    return {
        "name": specification["name"],
        "outcome": specification["outcome"],
        "sample_start": specification["sample"]["start"],
        "sample_end": specification["sample"]["end"],
        "treatment_start": specification["treatment"]["start"],
        "variants": specification["variants"],
        "weights": specification["weights"],
        "cluster": specification["cluster"],
        "trial_area_inference": specification["inference"]["trial_area"],
        "randomisation_reps": specification["inference"]["randomisation_reps"],
        "event_unit": specification["event_study"]["unit"],
        "placebo_starts": ", ".join(specification["placebo"]["starts"]),
        "placebo_end": specification["placebo"]["end"],
        "seed": specification["seed"],
    }


def spec_rows(specification: dict) -> list[tuple[Any, str]]:
    """A run's settings as (label, value) rows in the page's language (issue 15: not raw JSON): the labels
    are the run form's, a chosen code is shown by its choice's label."""
    rows = []
    for key, field_name in FIELD_OF_KEY.items():
        value: Any = specification
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value is None or key == "event_study.reference":
            continue
        field = RunForm.base_fields[field_name]
        labels = {str(code): label for code, label in getattr(field, "choices", ()) or ()}
        values = value if isinstance(value, list) else [value]
        shown = ", ".join(str(labels.get(str(v), v)) for v in values)
        rows.append((field.label, shown))
    return rows
