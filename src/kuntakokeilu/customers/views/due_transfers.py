"""The 7-day worklist of due transfers (R-TG-4, R-TG-5) and making a transfer."""

from __future__ import annotations

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import can
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.workitems import groups

from .. import customerships, notices, reevaluation, worklist
from ..forms import KeepForm
from ..models import Customership, DueTransfer, Responsible
from .common import logged, organisation_name


def _due_transfer(request, due_id):
    return get_object_or_404(DueTransfer.objects.select_related("person"), pk=due_id)


def _worklist_row(due: DueTransfer, today, lang: str) -> dict:
    held = list(due.person.customerships.all())  # prefetched for the page's rows
    current = customerships.on_date(held, max(today, due.event_date))
    if current is not None and current.responsible != Responsible.NONE:
        source = organisation_name(notices.organisation(current), lang)
    else:
        source = str(_("TE office (not transferred)"))
    return {
        "due": due,
        "from": source,
        "to": organisation_name(due.target, lang),
        "days_left": (due.due_by - today).days,
        "days_late": (today - due.due_by).days,
        "overdue": due.overdue(today),
        "explanation": reevaluation.explain(due),
    }


@requires("customers.view_due_transfers")
@transaction.atomic
def due_transfers(request):
    """The transfers the user's organisation must make, earliest deadline first, overdue ones marked in
    red with a text label (R-TG-4), in the worklist's groups (overdue / today / this week / all, every
    group's count on top; all by default) and pages of 50; j/k and Enter as on the deadlines' worklist.
    Below, those made within the last 30 days. Each listed person is logged (R-X-2)."""
    today = clock.today()
    lang = translation.get_language() or "fi"
    # the worklist's groups and pages, shared with the service process's deadlines (workitems/groups.py)
    nav = groups.page(worklist.open_rows(request.user, today), today, request.GET, default="all")
    pending = nav.rows
    done = worklist.done_for(request.user, today)
    pending = list(pending)
    prefetch_related_objects(
        [due.person for due in pending],
        Prefetch(
            "customerships",
            queryset=Customership.objects.select_related("municipality", "te_office", "employment_area"),
        ),
    )
    rows = [_worklist_row(due, today, lang) for due in pending]
    for row in rows:
        row["may_complete"] = can(request.user, "customers.complete_transfer", row["due"], today)
        row["may_keep"] = row["due"].target.get("type") == "municipality" and can(
            request.user, "customers.keep_with_te_office", row["due"], today
        )
    persons = {due.person_id: due.person for due in [*pending, *done]}
    audit.record(request.user, persons.values(), "customers:due-transfers", Purpose.TRANSFER)
    return render(
        request,
        "customers/due_transfers.html",
        {
            "rows": rows,
            "nav": nav,
            "done": [(due, organisation_name(due.target, lang)) for due in done],
            "today": today,
            "done_days": worklist.DONE_LISTED_DAYS,
            "keep_form": KeepForm(),
        },
    )


@require_POST
@requires("customers.complete_transfer", get_object=_due_transfer)
def complete_transfer(request, due):
    """Make a due transfer today (R-TG-4): the customership and its notices (R-TG-7)."""
    try:
        customership = logged(
            request,
            due.person,
            "customers:complete-transfer",
            lambda: worklist.complete(due, actor=request.user, on=clock.today()),
        )
    except ValidationError as exc:
        flash.error(request, " ".join(exc.messages))
    else:
        lang = translation.get_language() or "fi"
        flash.success(
            request,
            _("%(person)s has been transferred to %(organisation)s from %(on)s; the notices were issued.")
            % {
                "person": due.person.full_name,
                "organisation": organisation_name(notices.organisation(customership), lang),
                "on": formats.date_format(customership.valid_from, "SHORT_DATE_FORMAT"),
            },
        )
    return redirect("customers:due-transfers")


# --- issue 14: the TE office keeps a person (L1269 s. 5 mom 3, mom 5 after L671/2022) ---


@require_POST
@requires("customers.keep_with_te_office", get_object=_due_transfer)
def keep_transfer(request, due):
    """Keep the person with the TE office today, with the reason; `worklist.keep` checks the input and
    refuses with a message, changing nothing."""
    form = KeepForm(request.POST)
    data = form.cleaned_data if form.is_valid() else {}
    try:
        logged(
            request,
            due.person,
            "customers:keep-transfer",
            lambda: worklist.keep(
                due,
                actor=request.user,
                on=clock.today(),
                reason=data.get("keep_reason", ""),
                text=data.get("keep_text", ""),
            ),
        )
    except ValidationError as exc:
        flash.error(request, " ".join(exc.messages))
    else:
        flash.success(
            request,
            _("%(person)s stays a customer of the TE office; the reason was recorded.")
            % {"person": due.person.full_name},
        )
    return redirect("customers:due-transfers")
