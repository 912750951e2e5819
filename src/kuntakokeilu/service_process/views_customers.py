"""A case worker's own customer list and the area manager's (bulk) reassignment (R-SP-2, issue 16 item 2).

`/service/customers/`: the job seekers assigned to the user today (name, municipality, next deadline), and
for an area manager the area's customers with their case worker, checkboxes and "reassign to". Lists are
filtered in SQL (assignments and customerships over the user's grants), 50 rows a page, and every person
listed is in the access log. The reassignment is a POST through `assignments.assign` (all or nothing).
"""

from __future__ import annotations

import uuid

from django.contrib import messages as flash
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import can, grants_for
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers.models import Customership, Person, Responsible
from kuntakokeilu.regions.models import Municipality, TrialArea

from . import assignments
from .assignment_queries import assigned_to, customers_of, open_assignments, valid_on
from .models import DueItem

ROWS_PER_PAGE = 50


def _annotated(persons, today):
    municipal = Customership.objects.filter(
        valid_on(today), responsible=Responsible.MUNICIPALITY, person_id=OuterRef("pk")
    )
    due = DueItem.objects.open().filter(person_id=OuterRef("pk")).order_by("due_by")
    worker = open_assignments(today).filter(person_id=OuterRef("pk"))
    return persons.annotate(
        municipality_id=Subquery(municipal.values("municipality_id")[:1]),
        next_due=Subquery(due.values("due_by")[:1]),
        worker_id=Subquery(worker.values("worker_id")[:1]),
    ).order_by("last_name", "first_name", "pk")


def _rows(page):
    people = list(page.object_list)
    places = Municipality.objects.in_bulk({p.municipality_id for p in people if p.municipality_id})
    workers = get_user_model().objects.in_bulk({p.worker_id for p in people if p.worker_id})
    return [
        {"person": p, "municipality": places.get(p.municipality_id), "worker": workers.get(p.worker_id)}
        for p in people
    ]


def _managed_area(user, today) -> TrialArea | None:
    numbers = sorted(n for g in grants_for(user, assignments.ACTION, today) for n in g.trial_areas)
    return TrialArea.objects.filter(number__in=numbers).order_by("number").first() if numbers else None


@requires("service_process.view_worklist")
@transaction.atomic
def customers(request):
    """My customers; for the area manager also the area's customers and the reassignment form."""
    today = clock.today()
    grants = grants_for(request.user, "service_process.view_worklist", today)
    codes = set().union(*(g.municipalities for g in grants)) if grants else set()
    mine = Person.objects.filter(assigned_to(request.user, today, "pk"), customers_of(codes, today, "pk"))
    my_page = Paginator(_annotated(mine, today), ROWS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"today": today, "my_page": my_page, "my_rows": _rows(my_page)}
    listed = [r["person"] for r in context["my_rows"]]
    area = _managed_area(request.user, today) if can(request.user, assignments.ACTION, None, today) else None
    if area is not None:
        area_codes = list(area.members.values_list("municipality__code", flat=True))
        everyone = Person.objects.filter(customers_of(area_codes, today, "pk"))
        area_page = Paginator(_annotated(everyone, today), ROWS_PER_PAGE).get_page(
            request.GET.get("area_page")
        )
        context.update(
            area=area,
            area_page=area_page,
            area_rows=_rows(area_page),
            workers=assignments.case_workers(area, today),
        )
        listed += [r["person"] for r in context["area_rows"]]
    audit.record(request.user, dict.fromkeys(listed), "service_process:customers", Purpose.CUSTOMER_SERVICE)
    return render(request, "service_process/customers.html", context)


@requires(assignments.ACTION)
def reassign(request):
    """POST: assign the ticked job seekers to the chosen case worker from today (all or nothing)."""
    if request.method != "POST":
        return redirect("service_process:customers")
    today = clock.today()
    page = request.POST.get("area_page", "1")
    back = redirect(f"{reverse('service_process:customers')}?area_page={page if page.isdigit() else 1}")
    ids = request.POST.getlist("person")
    area = _managed_area(request.user, today)
    codes = list(area.members.values_list("municipality__code", flat=True)) if area else []
    persons = list(Person.objects.filter(customers_of(codes, today, "pk"), pk__in=_uuids(ids)))
    worker = (
        assignments.case_workers(area, today).filter(pk=request.POST.get("worker") or 0).first()
        if area and (request.POST.get("worker") or "").isdigit()
        else None
    )
    if worker is None:
        flash.error(request, _("Choose the case worker to whom the job seekers are assigned."))
        return back
    if len(persons) != len(set(ids)):
        flash.error(request, _("Some of the chosen job seekers are not customers of your trial area."))
        return back
    try:
        done = assignments.assign(request.user, persons, worker, on=today, today=today)
    except assignments.Refused as refused:
        flash.error(request, str(refused.message))
        return back
    name = worker.get_full_name() or worker.username
    flash.success(
        request,
        ngettext(
            "%(count)d job seeker assigned to %(worker)s.",
            "%(count)d job seekers assigned to %(worker)s.",
            done.changed,
        )
        % {"count": done.changed, "worker": name},
    )
    return back


def _uuids(values):
    found = []
    for value in values:
        try:
            found.append(uuid.UUID(value))
        except ValueError:
            continue
    return found
