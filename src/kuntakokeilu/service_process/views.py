"""A job seeker's service process page (R-SP-1, R-SP-3): the deadlines of the rule `service-deadlines` with
their explanations, the meetings held, and the form to record one. Every view is in the access log."""

from __future__ import annotations

from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import can, grants_for
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers.models import Person
from kuntakokeilu.rules.messages import Message
from kuntakokeilu.workitems import groups

from . import queries, services, views_assessment, worklist_scopes
from .deadlines import STATE_LABELS
from .explanations import ITEM_LABELS
from .forms import MeetingForm
from .models import ServicePoint


def person_or_404(request, person_id):
    return get_object_or_404(Person, pk=person_id)


def _points(person, on):
    area = queries.trial_area_of(person, on)
    return ServicePoint.objects.filter(trial_area=area, active=True) if area else ServicePoint.objects.none()


def _page(request, person, today, form, status=200):
    lang = translation.get_language() or "fi"
    outcome = queries.deadlines_for(person, today)
    rows = []
    if outcome is not None:
        checks = {c.code: c for c in outcome.checks}
        for item in outcome.result["due"]:
            check = checks[f"due_{item['type']}"]
            rows.append(
                {
                    **item,
                    "label": Message(ITEM_LABELS[item["type"]]).render(lang),
                    "state_label": Message(
                        STATE_LABELS[item["state"]], {"date": check.found["done_on"]}
                    ).render(lang),
                    "text": check.message.render(lang),
                }
            )
    audit.record(request.user, [person], "service_process:process", Purpose.CUSTOMER_SERVICE)
    context = {
        "person": person,
        "today": today,
        "regime": outcome.result["regime"] if outcome else None,
        "rows": rows,
        "meetings": person.meetings.select_related("service_point").order_by("-date", "-id"),
        "form": form,
        "assessment": views_assessment.section(request, person, today),
    }
    return render(request, "service_process/process.html", context, status=status)


@requires("service_process.view_deadlines", get_object=person_or_404)
@transaction.atomic
def process(request, person):
    today = clock.today()
    form = None
    if can(request.user, "service_process.record_meeting", person, today):
        form = MeetingForm(points=_points(person, today), initial={"date": today, "channel": "face_to_face"})
    return _page(request, person, today, form)


@requires("service_process.record_meeting", get_object=person_or_404)
def record_meeting(request, person):
    today = clock.today()
    if request.method != "POST":
        return redirect("service_process:process", person_id=person.pk)
    form = MeetingForm(request.POST, points=_points(person, today))
    if form.is_valid():
        try:
            services.record_meeting(request.user, person, today=today, **form.cleaned_data)
        except services.Refused as refused:
            form.add_error(refused.field, str(refused.message))
        else:
            return redirect("service_process:process", person_id=person.pk)
    with transaction.atomic():
        return _page(request, person, today, form, status=400)


def _with_scope(query, scope: str):
    """The query string with the scope chosen, so that the group tabs and pages keep it (R-SP-2)."""
    query = query.copy()
    query["scope"] = scope
    return query


GROUPS = groups.GROUPS
ROWS_PER_PAGE = groups.ROWS_PER_PAGE


@requires("service_process.view_worklist")
@transaction.atomic
def worklist(request):
    """The deadlines the user's grants handle (R-SP-2): counts of each group on top, 50 rows a page, soonest
    first; j/k move between rows, Enter opens the person. Every person listed is in the access log."""
    today = clock.today()
    group = groups.chosen(request.GET, "overdue")
    grants = grants_for(request.user, "service_process.view_worklist", today)
    # the scope (R-SP-2): my customers / the municipality's items, or the area manager's escalated list /
    # the whole area's items (worklist_scopes.py); the area manager's escalated list is the default for them
    asked = request.GET.get("scope")
    scope, scopes, scoped, mine = worklist_scopes.choose(request.user, grants, asked, today)
    escalated = scope == "escalated"
    rows, counts = queries.worklist(
        scoped, today, group=group, escalated=escalated, assigned_to=request.user if mine else None
    )
    page = groups.paginate(rows, request.GET, counts[group])  # counted with the groups: no second COUNT
    lang = translation.get_language() or "fi"
    items = [
        {"item": item, "label": Message(ITEM_LABELS[item.type]).render(lang), "overdue": item.overdue(today)}
        for item in page.object_list
    ]
    audit.record(
        request.user, {i["item"].person for i in items}, "service_process:worklist", Purpose.CUSTOMER_SERVICE
    )
    context = {
        "today": today,
        "group": group,
        "counts": counts,
        "page": page,
        "nav": groups.navigation(group, counts, page, _with_scope(request.GET, scope)),
        "items": items,
        "groups": GROUPS,
        "escalated_before": queries.escalated_before(today) if escalated else None,
        "scope": scope,
        "scopes": scopes,
        "escalation": worklist_scopes.escalation_rows(scoped, today) if escalated else [],
    }
    return render(request, "service_process/worklist.html", context)
