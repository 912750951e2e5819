"""A job seeker's services page (R-SP-6): the referrals with their state, dates and outcome, and the forms
that refer, start, end, interrupt, refuse and record the selection of labour-market training. A refusal
re-renders the page (400) with the form's localised error and nothing changed. Every view is logged."""

from __future__ import annotations

from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import can
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers.models import Person
from kuntakokeilu.service_process.services import Refused

from . import queries, services
from .forms import EVENT_FORMS, ReferForm
from .models import Referral, ServiceKind

SERVICE_CALLS = {
    "start": services.start,
    "end": services.end,
    "interrupt": services.interrupt,
    "refuse": services.refuse,
    "select": services.record_selection,
}


def person_or_404(request, person_id):
    return get_object_or_404(Person, pk=person_id)


def referral_or_404(request, person_id, referral_id):
    return get_object_or_404(Referral.objects.select_related("person"), pk=referral_id, person_id=person_id)


def _forms_for(referral: Referral, today, bound=None):
    """The forms of the events the referral's state allows (the selection only for training)."""
    found = []
    for event in sorted(queries.events_allowed(referral) & set(EVENT_FORMS), key=list(EVENT_FORMS).index):
        if event == "select" and referral.kind != ServiceKind.LABOUR_MARKET_TRAINING:
            continue
        form_class, button = EVENT_FORMS[event]
        if bound is not None and bound[0] == event:
            form = bound[1]
        else:
            form = form_class(prefix=f"r{referral.pk}-{event}", initial=_initial(event, referral, today))
        found.append({"event": event, "form": form, "button": button})
    return found


def _initial(event: str, referral: Referral, today) -> dict:
    return {
        "start": {"started_on": today},
        "end": {"actual_end": referral.planned_end or today, "outcome": "completed"},
        "interrupt": {"interrupted_on": today},
        "refuse": {"refused_on": today},
        "select": {"selection_on": today},
    }[event]


def _page(request, person, today, *, refer_form=None, bound=None, status=200):
    recording = can(request.user, "referrals.record", person, today)
    rows = []
    for referral in queries.services_of(person):
        forms = []
        if recording:
            own = bound if bound is not None and bound[0] == referral.pk else None
            forms = _forms_for(referral, today, own[1:] if own else None)
        rows.append({"referral": referral, "forms": forms})
    if recording and refer_form is None:
        refer_form = ReferForm(initial={"referred_on": today, "kind": ServiceKind.WORK_TRIAL}, person=person)
    audit.record(request.user, [person], "referrals:services", Purpose.CUSTOMER_SERVICE)
    context = {
        "person": person,
        "today": today,
        "rows": rows,
        "refer_form": refer_form if recording else None,
    }
    return render(request, "referrals/services.html", context, status=status)


@requires("referrals.view", get_object=person_or_404)
@transaction.atomic
def services_page(request, person):
    return _page(request, person, clock.today())


@requires("referrals.record", get_object=person_or_404)
def refer(request, person):
    today = clock.today()
    if request.method != "POST":
        return redirect("referrals:services", person_id=person.pk)
    form = ReferForm(request.POST, person=person)
    if form.is_valid():
        try:
            services.refer(request.user, person, today=today, **form.cleaned_data)
        except Refused as refused:
            form.add_error(refused.field, str(refused.message))
        else:
            return redirect("referrals:services", person_id=person.pk)
    with transaction.atomic():
        return _page(request, person, today, refer_form=form, status=400)


def _event_view(event: str):
    @requires("referrals.record", get_object=referral_or_404)
    def view(request, referral):
        today = clock.today()
        person = referral.person
        if request.method != "POST":
            return redirect("referrals:services", person_id=person.pk)
        form_class, _button = EVENT_FORMS[event]
        form = form_class(request.POST, prefix=f"r{referral.pk}-{event}")
        if form.is_valid():
            try:
                SERVICE_CALLS[event](request.user, referral, today=today, **form.cleaned_data)
            except Refused as refused:
                form.add_error(refused.field, str(refused.message))
            else:
                return redirect("referrals:services", person_id=person.pk)
        with transaction.atomic():
            return _page(request, person, today, bound=(referral.pk, event, form), status=400)

    view.__name__ = f"{event}_referral"
    return view


start = _event_view("start")
end = _event_view("end")
interrupt = _event_view("interrupt")
refuse = _event_view("refuse")
select = _event_view("select")
