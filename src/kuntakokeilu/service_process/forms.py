"""The meeting form of a person's service-process page (R-SP-3); checks in `services.record_meeting`."""

from __future__ import annotations

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import MEETING_TYPE_LABELS, Channel, ServicePoint

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
