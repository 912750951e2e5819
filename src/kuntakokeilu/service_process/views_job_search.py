"""A job seeker's job-search obligation page (R-SP-5): the review periods of the rule `job-search-obligation`
on today with the reported applications counted in each, met or not, the applications recorded, and the
form to record one. Every view is in the access log."""

from __future__ import annotations

from django import forms
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import can
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers.models import Person
from kuntakokeilu.rules.messages import Message

from . import job_applications
from .models import ApplicationKind
from .obligation_explanations import PERIOD_STATES
from .services import Refused

# (the import contract keeps this edge module from importing `views` and `forms`: their two helpers again)
DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


def person_or_404(request, person_id):
    return get_object_or_404(Person, pk=person_id)


class ApplicationForm(forms.Form):
    applied_on = forms.DateField(label=_("applied on"), widget=DATE_WIDGET)
    employer = forms.CharField(label=_("employer"), max_length=200)
    job_title = forms.CharField(label=_("job title"), max_length=200)
    kind = forms.ChoiceField(label=_("kind of application"), choices=ApplicationKind.choices)


def _page(request, person, today, form, status=200):
    lang = translation.get_language() or "fi"
    outcome = job_applications.obligation_for(person, today)
    periods, texts = [], []
    if outcome is not None:
        for check in outcome.checks:
            if check.code.startswith("period_"):
                found = check.found
                periods.append({**found, "state_label": Message(PERIOD_STATES[found["state"]]).render(lang)})
            else:
                texts.append(check.message.render(lang))
    audit.record(request.user, [person], "service_process:job_search", Purpose.CUSTOMER_SERVICE)
    context = {
        "person": person,
        "today": today,
        "outcome": outcome,
        "periods": periods,
        "texts": texts,
        "applications": person.job_applications.order_by("-applied_on", "-id"),
        "form": form,
    }
    return render(request, "service_process/job_search.html", context, status=status)


@requires("service_process.view_deadlines", get_object=person_or_404)
@transaction.atomic
def job_search(request, person):
    today = clock.today()
    form = None
    if can(request.user, "service_process.record_meeting", person, today):
        form = ApplicationForm(initial={"applied_on": today, "kind": ApplicationKind.VACANCY})
    return _page(request, person, today, form)


@requires("service_process.record_meeting", get_object=person_or_404)
def record_application(request, person):
    today = clock.today()
    if request.method != "POST":
        return redirect("service_process:job-search", person_id=person.pk)
    form = ApplicationForm(request.POST)
    if form.is_valid():
        try:
            job_applications.record_application(request.user, person, today=today, **form.cleaned_data)
        except Refused as refused:
            form.add_error(refused.field, str(refused.message))
        else:
            return redirect("service_process:job-search", person_id=person.pk)
    with transaction.atomic():
        return _page(request, person, today, form, status=400)
