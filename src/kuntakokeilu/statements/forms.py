"""The form to record a benefit event by hand (R-SP-8); the checks live in `services.record_event`."""

from __future__ import annotations

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.rules.messages import Message

from . import explanations as msg
from .models import EventKind, Recipient

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class EventForm(forms.Form):
    kind = forms.ChoiceField(label=_("event"), choices=EventKind.choices)
    date = forms.DateField(label=_("date of the event"), widget=DATE_WIDGET)
    subject = forms.ChoiceField(
        label=_("subject of a statement (where another than the event's own)"), required=False
    )
    service = forms.CharField(label=_("service or studies"), required=False, max_length=200)
    description = forms.CharField(
        label=_("description for the decider"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    information_complete = forms.DateField(
        label=_("complete information received on"), required=False, widget=DATE_WIDGET
    )
    initial_interview = forms.DateField(
        label=_("date of the initial interview"), required=False, widget=DATE_WIDGET
    )
    recipient = forms.ChoiceField(
        label=_("benefit paid by"), choices=Recipient.choices, initial=Recipient.KELA
    )
    fund_name = forms.CharField(label=_("name of the unemployment fund"), required=False, max_length=200)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        lang = translation.get_language() or "fi"
        self.fields["subject"].choices = [("", "—")] + [
            (code, Message(label).render(lang)) for code, label in msg.SUBJECTS.items() if code != "sanction"
        ]

    def facts(self) -> dict:
        data = self.cleaned_data
        names = (
            "subject",
            "service",
            "description",
            "information_complete",
            "initial_interview",
            "recipient",
        )
        facts = {name: data[name] for name in names if data.get(name)}
        if data.get("recipient") == Recipient.FUND:
            facts["fund_name"] = data.get("fund_name", "")
        return facts
