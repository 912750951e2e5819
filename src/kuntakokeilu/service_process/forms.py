"""The meeting form of a person's service-process page (R-SP-3); checks in `services.record_meeting`."""

from __future__ import annotations

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.regions.models import Municipality

from .models import MEETING_TYPE_LABELS, Channel, Organisation, ServicePoint

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class PointField(forms.ModelChoiceField):
    """Service points by their name in the page's language."""

    def label_from_instance(self, obj) -> str:
        return obj.names().get(translation.get_language() or "fi", obj.name_fi)


class MeetingForm(forms.Form):
    type = forms.ChoiceField(label=_("type"), choices=list(MEETING_TYPE_LABELS.items()))
    date = forms.DateField(label=_("date"), widget=DATE_WIDGET)
    channel = forms.ChoiceField(label=_("channel"), choices=Channel.choices)
    service_point = PointField(label=_("service point"), queryset=ServicePoint.objects.none(), required=False)
    participants = forms.CharField(label=_("participants"), required=False, max_length=500)
    notes = forms.CharField(label=_("notes"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    no_show = forms.BooleanField(label=_("the job seeker did not come"), required=False)

    def __init__(self, *args, points=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_point"].queryset = points if points is not None else ServicePoint.objects.none()


# --- the area manager's pages (issue 16 items 2 and 3): service points, targets, escalation thresholds ---


class MunicipalityField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.names().get(translation.get_language() or "fi") or obj.name_fi


class ServicePointForm(forms.ModelForm):
    """A service point of the area: the municipality is one of the area's (checked again by the service)."""

    municipality = MunicipalityField(label=_("municipality"), queryset=None)
    postal_code = forms.RegexField(
        label=_("postal code"),
        regex=r"^\d{5}$",
        error_messages={"invalid": _("A postal code is five digits, e.g. 87100.")},
    )
    organisations = forms.MultipleChoiceField(
        label=_("organisations whose staff work here"),
        choices=Organisation.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = ServicePoint
        fields = [
            "name_fi",
            "name_sv",
            "municipality",
            "street_address",
            "postal_code",
            "opening_hours",
            "organisations",
            "active",
        ]
        widgets = {"opening_hours": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, area=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.filter(
            trial_memberships__trial_area=area
        ).order_by("name_fi")


class DatedDaysForm(forms.Form):
    """Working days valid from–to: the area's first-contact target or its escalation threshold."""

    working_days = forms.IntegerField(label=_("working days"), min_value=0, max_value=365)
    valid_from = forms.DateField(label=_("valid from"), widget=DATE_WIDGET)
    valid_to = forms.DateField(label=_("valid to"), widget=DATE_WIDGET, required=False)
