"""Pages of the policy what-if (issue 13): run one on the job queue, follow it, read the results side by side
(ELY officials: the rows of their own area), export CSV."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import can, grants_for
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.access.roles import Role
from kuntakokeilu.applications.messages import CHECK_NAMES
from kuntakokeilu.regions.models import Municipality
from kuntakokeilu.rules.console import STATUS_WORDS

from . import export, queries, services
from .forms import WhatIfForm
from .messages import CODES
from .models import WhatIf


def _grants(request):
    """None for users who see every row (ministry, researchers); an ELY official's grants otherwise."""
    held = grants_for(request.user, "whatif.view", clock.today())
    if any(g.role in (Role.MINISTRY, Role.RESEARCHER) for g in held):
        return None
    return held


@requires("whatif.view")
def whatifs(request):
    return render(
        request,
        "whatif/list.html",
        {"whatifs": WhatIf.objects.select_related("created_by"), "may_run": can(request.user, "whatif.run")},
    )


@requires("whatif.run")
def new(request):
    rule = request.POST.get("rule") or request.GET.get("rule") or services.TARGET_GROUP
    if rule not in services.RULES:
        raise Http404
    if request.method == "POST":
        form = WhatIfForm(request.POST, rule=rule)
        if form.is_valid():
            whatif = services.submit(
                form.cleaned_data["name"],
                form.rule,
                form.dates,
                form.edits,
                request.user,
                translation.get_language() or "fi",
                form.cleaned_data.get("round", ""),
            )
            return redirect("whatif:detail", pk=whatif.pk)
    else:
        form = WhatIfForm(initial={"on": clock.today()}, rule=rule)
    return render(request, "whatif/new.html", {"form": form, "rule": rule, "screening": services.SCREENING})


@requires("whatif.view")
def detail(request, pk: int):
    whatif = get_object_or_404(WhatIf.objects.select_related("created_by"), pk=pk)
    grants = _grants(request)
    snapshots = []
    for snapshot in (whatif.results or {}).get("snapshots", []):
        areas = queries.side_by_side(snapshot, "areas", grants)
        municipalities = queries.side_by_side(snapshot, "municipalities", grants)
        # the country's or an ELY area's totals from its trial areas; a municipality's staff's from theirs
        counted = areas if grants is None or any(g.trial_areas for g in grants) else municipalities
        snapshots.append(
            {
                "on": snapshot["on"],
                "persons": snapshot["persons"],
                "areas": areas,
                "totals": {k: sum(r[k] for r in counted) for k in ("law_in", "whatif_in", "joins", "leaves")},
                "municipalities": [r for r in municipalities if r["difference"]],
                "criteria": [
                    {**r, "label": CODES.get(r["code"], r["code"])} for r in queries.criteria(snapshot)
                ]
                if grants is None
                else [],
            }
        )
    applications = []
    if whatif.rule == services.SCREENING and whatif.results:
        applications = [
            {**row, "law_shown": _screened(row["law"]), "whatif_shown": _screened(row["whatif"])}
            for row in queries.applications(whatif.results, grants)
        ]
    return render(
        request,
        "whatif/detail.html",
        {
            "whatif": whatif,
            "snapshots": snapshots,
            "applications": applications,
            "may_open_changes": whatif.rule == services.TARGET_GROUP
            and can(request.user, "whatif.view_changes"),
        },
    )


def _screened(outcome: dict) -> dict:
    """An application's screening in words: its overall status and the checks not passed."""
    return {
        "status": translation.gettext(STATUS_WORDS[outcome["status"]]),
        "notes": [
            f"{CHECK_NAMES.get(code, code)}: {translation.gettext(STATUS_WORDS[status])}"
            for code, status in outcome["checks"].items()
            if status not in ("pass", "info")
        ],
    }


@requires("whatif.view_changes")
@transaction.atomic
def changes(request, pk: int):
    """The persons who change side whom the user may see (municipal staff, TE office; R-X-1), each linking
    to the person page; listing them is logged as a result list is (R-X-2)."""
    whatif = get_object_or_404(WhatIf, pk=pk, status="done", rule=services.TARGET_GROUP)
    today = clock.today()
    rows = queries.changes_in_scope(whatif, grants_for(request.user, "customers.view_person", today), today)
    persons = list({row.person_id: row.person for row in rows}.values())
    audit.record(request.user, persons, "whatif:changes", Purpose.CUSTOMER_SERVICE)
    places = {m.code: m for m in Municipality.objects.filter(code__in={row.kunta_code for row in rows})}
    for row in rows:
        row.place = places.get(row.kunta_code)
    return render(
        request,
        "whatif/changes.html",
        {"whatif": whatif, "rows": rows, "persons": len(persons), "cut": len(rows) == queries.MAX_LISTED},
    )


@requires("whatif.view")
def csv_file(request, pk: int, kind: str):
    whatif = get_object_or_404(WhatIf, pk=pk, status="done")
    grants = _grants(request)
    kinds = ("applications",) if whatif.rule == services.SCREENING else tuple(export.KINDS)
    if kind not in kinds or (kind == "criteria" and grants is not None):
        raise Http404
    response = HttpResponse(
        export.table(whatif.results, kind, grants, suppress=True), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="whatif-{pk}-{kind}.csv"'
    return response


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@requires("whatif.view")
def xlsx_file(request, pk: int):
    """The what-if's tables in one Excel workbook, a sheet each, as the CSV files give them (counts of 1–4
    hidden; no criteria sheet for a user who sees only their own area's rows)."""
    whatif = get_object_or_404(WhatIf, pk=pk, status="done")
    grants = _grants(request)
    kinds = tuple(k for k in export.kinds_of(whatif.results) if not (k == "criteria" and grants is not None))
    response = HttpResponse(export.workbook(whatif.results, kinds, grants, suppress=True), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="whatif-{pk}.xlsx"'
    return response
