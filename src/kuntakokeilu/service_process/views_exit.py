"""Why a job seeker's job search ended (issue 17 item 6): the reasons recorded and the form that records
one through `services_exit.record_end_reason` (a refusal re-renders the page, 400, with the localised
error and nothing written). Linked from the person's service-process page; every view is logged."""

from __future__ import annotations

from django import forms
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import can
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers.models import Person

from . import services_exit
from .models import EndReason
from .services import Refused

# (the import contract keeps this edge module from importing `views` and `forms`: the date widget again)
DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


def person_or_404(request, person_id):
    return get_object_or_404(Person, pk=person_id)


class EndReasonForm(forms.Form):
    ended_on = forms.DateField(label=_("job search ended on"), widget=DATE_WIDGET)
    reason = forms.ChoiceField(label=_("reason the job search ended"), choices=EndReason.choices)
    text = forms.CharField(
        label=_("more about the reason"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


def _page(request, person, today, form, status=200):
    audit.record(request.user, [person], "service_process:job_search_end", Purpose.CUSTOMER_SERVICE)
    context = {
        "person": person,
        "today": today,
        "reasons": person.job_search_end_reasons.select_related("municipality"),
        "form": form,
    }
    return render(request, "service_process/job_search_end.html", context, status=status)


@requires("service_process.view_deadlines", get_object=person_or_404)
@transaction.atomic
def end_reason(request, person):
    today = clock.today()
    form = None
    if can(request.user, "service_process.record_end_reason", person, today):
        form = EndReasonForm(initial={"ended_on": today})
    return _page(request, person, today, form)


@requires("service_process.record_end_reason", get_object=person_or_404)
def record_end_reason(request, person):
    today = clock.today()
    if request.method != "POST":
        return redirect("service_process:job-search-end", person_id=person.pk)
    form = EndReasonForm(request.POST)
    if form.is_valid():
        try:
            services_exit.record_end_reason(request.user, person, today=today, **form.cleaned_data)
        except Refused as refused:
            form.add_error(refused.field, str(refused.message))
        else:
            return redirect("service_process:job-search-end", person_id=person.pk)
    with transaction.atomic():
        return _page(request, person, today, form, status=400)
