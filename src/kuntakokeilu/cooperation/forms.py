"""The network's forms (R-SP-9): a member, the end of a membership, a meeting. Every check is the service's
(`services`), which the API calls too; the forms only read the input."""

from __future__ import annotations

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.regions.models import ElyCentre, Municipality, TeOffice

from .models import MeetingChannel, MemberKind, NetworkMember

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class NamedChoice(forms.ModelChoiceField):
    """Reference data by its name in the page's language."""

    def label_from_instance(self, obj) -> str:
        return obj.name_in(translation.get_language())


class MemberChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.local_name} ({obj.get_kind_display()})"


class MemberForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind of member"), choices=MemberKind.choices)
    municipality = NamedChoice(
        label=_("municipality"),
        queryset=Municipality.objects.none(),
        required=False,
        help_text=_("When the member is a municipality of the trial area."),
    )
    ely = NamedChoice(
        label=_("ELY centre"),
        queryset=ElyCentre.objects.order_by("name_fi"),
        required=False,
        help_text=_("When the member is the trial area's ELY centre."),
    )
    te_office = NamedChoice(
        label=_("TE office"),
        queryset=TeOffice.objects.order_by("name_fi"),
        required=False,
        help_text=_("When the member is the trial area's TE office."),
    )
    name = forms.CharField(
        label=_("name of the organisation"),
        max_length=200,
        required=False,
        help_text=_("For a skills-service provider, the education administration or another member."),
    )
    contact_name = forms.CharField(label=_("contact person"), max_length=200, required=False)
    contact_email = forms.CharField(label=_("contact person's email"), max_length=254, required=False)
    member_from = forms.DateField(label=_("member from"), widget=DATE_WIDGET)
    member_to = forms.DateField(label=_("member until"), widget=DATE_WIDGET, required=False)

    def __init__(self, *args, area=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.filter(
            trial_memberships__trial_area=area
        ).order_by("name_fi")


class EndMemberForm(forms.Form):
    member_to = forms.DateField(label=_("last day as a member"), widget=DATE_WIDGET)


class MeetingForm(forms.Form):
    date = forms.DateField(label=_("date of the meeting"), widget=DATE_WIDGET)
    channel = forms.ChoiceField(label=_("how it was held"), choices=MeetingChannel.choices)
    place = forms.CharField(label=_("place or link"), max_length=200, required=False)
    agenda = forms.CharField(label=_("agenda"), widget=forms.Textarea(attrs={"rows": 4}))
    minutes = forms.CharField(
        label=_("minutes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("No job seeker's personal data: the network's records are not a customer register."),
    )
    participants = MemberChoice(
        label=_("members present"),
        queryset=NetworkMember.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, area=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = (
            NetworkMember.objects.filter(trial_area=area)
            .select_related("municipality", "ely", "te_office")
            .order_by("kind", "municipality__name_fi", "ely__name_fi", "te_office__name_fi", "name", "id")
        )


class OnDateForm(forms.Form):
    on = forms.DateField(label=_("members on"), widget=DATE_WIDGET, required=False)
