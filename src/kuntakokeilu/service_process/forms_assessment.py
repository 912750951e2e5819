"""The form of the service-need assessment (R-SP-4): per area a choice and free text, the date and the
meeting at which it was reviewed; checks in `assessment.record_assessment`."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .assessment import AREAS, HEALTH_AREAS, TEXT_MAX, short_date
from .models import Assessment, AssessmentHealth, Meeting

TEXT_WIDGET = forms.Textarea(attrs={"rows": 2})
DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})  # as the meeting form's


class MeetingField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.get_type_display()} {short_date(obj.date)}"


def _area_fields(model, areas) -> dict:
    fields = {}
    for area in areas:
        field = model._meta.get_field(area)
        fields[area] = forms.ChoiceField(label=field.verbose_name, choices=field.choices)
        fields[f"{area}_text"] = forms.CharField(
            label=_("notes on: %(area)s") % {"area": field.verbose_name},
            required=False,
            max_length=TEXT_MAX,
            widget=TEXT_WIDGET,
        )
    return fields


class AssessmentForm(forms.Form):
    """The areas of `AREAS`, then the special-category areas of `HEALTH_AREAS`."""

    assessed_on = forms.DateField(label=_("date of the assessment"), widget=DATE_WIDGET)
    meeting = MeetingField(
        label=_("reviewed at the meeting"),
        queryset=Meeting.objects.none(),
        required=False,
        empty_label=_("not at a meeting"),
    )

    def __init__(self, *args, meetings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings if meetings is not None else Meeting.objects.none()
        self.fields.update(_area_fields(Assessment, AREAS))
        self.fields.update(_area_fields(AssessmentHealth, HEALTH_AREAS))

    def values(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k.split("_text")[0] in AREAS}

    def health(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k.split("_text")[0] in HEALTH_AREAS}

    def grouped(self) -> tuple[list, list]:
        """The bound fields of the two parts, in order, for the template's two fieldsets."""
        general = [self[f] for a in AREAS for f in (a, f"{a}_text")]
        special = [self[f] for a in HEALTH_AREAS for f in (a, f"{a}_text")]
        return general, special
