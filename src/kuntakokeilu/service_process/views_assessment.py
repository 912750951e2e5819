"""The service-need assessment on the pages (R-SP-4): its section on the person's service-process page (the
latest version, the older ones, a link to record a review) and the page that records a version.

The special-category part is shown only to those whom `service_process.view_health_needs` allows, and every
page that shows it writes its own access-log entry with the purpose `Purpose.SPECIAL_CATEGORY` beside the
page's customer-service entry (R-X-2)."""

from __future__ import annotations

from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import can
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers.models import Person

from . import assessment
from .forms_assessment import AssessmentForm
from .models import Assessment
from .services import Refused


def _shown(version: Assessment, with_health: bool) -> dict:
    return {
        "version": version,
        "rows": assessment.rows(version, assessment.AREAS),
        "health_rows": assessment.rows(version.health, assessment.HEALTH_AREAS) if with_health else [],
    }


def section(request, person: Person, today) -> dict | None:
    """The context of the assessment section of the service-process page, or None when the user may not
    see the assessment. Runs in the page's transaction: a shown special-category part is logged."""
    user = request.user
    if not can(user, "service_process.view_assessment", person, today):
        return None
    with_health = can(user, "service_process.view_health_needs", person, today)
    versions = [_shown(v, with_health) for v in assessment.history(person, with_health=with_health)]
    if with_health and versions:
        audit.record(user, [person], "service_process:process", Purpose.SPECIAL_CATEGORY)
    return {
        "latest": versions[0] if versions else None,
        "older": versions[1:],
        "with_health": with_health,
        "can_record": can(user, "service_process.record_assessment", person, today),
    }


def person_or_404(request, person_id):
    return get_object_or_404(Person, pk=person_id)


@requires("service_process.record_assessment", get_object=person_or_404)
def record(request, person):
    """GET: the form prefilled with the latest version; POST: records a new version (R-SP-4)."""
    today = clock.today()
    meetings = person.meetings.filter(no_show=False).order_by("-date", "-id")
    latest = Assessment.objects.filter(person=person).select_related("health").order_by("-version").first()
    status = 200
    if request.method == "POST":
        form = AssessmentForm(request.POST, meetings=meetings)
        if form.is_valid():
            data = form.cleaned_data
            try:
                assessment.record_assessment(
                    request.user,
                    person,
                    today=today,
                    assessed_on=data["assessed_on"],
                    meeting=data["meeting"],
                    values=form.values(),
                    health=form.health(),
                )
            except Refused as refused:
                form.add_error(refused.field, str(refused.message))
            else:
                return redirect(reverse("service_process:process", args=[person.pk]) + "#assessment")
        status = 400
    else:
        held_today = meetings.filter(date=today).first()
        initial = assessment.initial_values(latest, with_health=True)
        form = AssessmentForm(
            initial=initial | {"assessed_on": today, "meeting": held_today}, meetings=meetings
        )
    general, special = form.grouped()
    with transaction.atomic():
        audit.record(request.user, [person], "service_process:assessment", Purpose.CUSTOMER_SERVICE)
        if latest is not None or request.method == "POST":  # the special-category part is on the page
            audit.record(request.user, [person], "service_process:assessment", Purpose.SPECIAL_CATEGORY)
        context = {"person": person, "today": today, "form": form, "general": general, "special": special}
        return render(request, "service_process/assessment.html", context, status=status)
