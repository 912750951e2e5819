"""The forms of a person's services page (R-SP-6); every check is in `rules.py` through `services.py`."""

from __future__ import annotations

from django import forms
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.plans.models import PlanVersion
from kuntakokeilu.rules.messages import format_date

from .models import InterruptionReason, Outcome, Selection, ServiceKind

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


def _date(label):
    return forms.DateField(label=label, widget=DATE_WIDGET)


class PlanVersionField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return _("%(plan)s, version %(number)s of %(date)s") % {
            "plan": obj.plan.get_kind_display(),
            "number": obj.number,
            "date": format_date(obj.agreed_on, get_language() or "fi"),
        }


class ReferForm(forms.Form):
    kind = forms.ChoiceField(label=_("service"), choices=ServiceKind.choices)
    provider = forms.CharField(label=_("provider"), max_length=200)
    referred_on = _date(_("referred on"))
    plan_version = PlanVersionField(
        label=_("agreed in the plan"), queryset=PlanVersion.objects.none(), required=False
    )

    def __init__(self, *args, person=None, **kwargs):
        super().__init__(*args, **kwargs)
        if person is not None:  # the person's own plan versions, newest first
            versions = PlanVersion.objects.filter(plan__person=person).select_related("plan")
            self.fields["plan_version"].queryset = versions.order_by("-agreed_on", "-number")


class StartForm(forms.Form):
    started_on = _date(_("started on"))
    planned_end = _date(_("planned end"))


class EndForm(forms.Form):
    actual_end = _date(_("actual end"))
    outcome = forms.ChoiceField(
        label=_("outcome"), choices=[(o.value, o.label) for o in (Outcome.COMPLETED, Outcome.OTHER)]
    )


class InterruptForm(forms.Form):
    interrupted_on = _date(_("interrupted on"))
    reason = forms.ChoiceField(label=_("reason for the interruption"), choices=InterruptionReason.choices)
    text = forms.CharField(
        label=_("more about the interruption"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RefuseForm(forms.Form):
    refused_on = _date(_("refused on"))


class SelectionForm(forms.Form):
    selection = forms.ChoiceField(label=pgettext_lazy("field", "selection"), choices=Selection.choices)
    selection_on = _date(_("selection received on"))


# event -> (form, button)
EVENT_FORMS = {
    "start": (StartForm, _("Start the service")),
    "end": (EndForm, _("End the service")),
    "interrupt": (InterruptForm, _("Interrupt the service")),
    "refuse": (RefuseForm, _("Record the refusal")),
    "select": (SelectionForm, _("Record the selection")),
}
