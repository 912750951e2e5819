"""The statements pages (R-SP-8): a person's benefit events with their reminders, statements and notices
(the competence and the sanction ladder explained) and the form to record one; the worklist of statements
and notices due; the letters as pages and PDFs; status changes; the TE office's notices. Every read of a
person's data is in the access log."""

from __future__ import annotations

import contextlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import can, grants_for
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers.models import Person
from kuntakokeilu.letters.pdf import render_pdf
from kuntakokeilu.workitems import groups

from . import letters, queries, services
from .forms import EventForm
from .models import BenefitEvent, Reminder, Statement, Status, TeOfficeNotice


def person_or_404(request, person_id):
    return get_object_or_404(Person, pk=person_id)


def event_or_404(request, event_id):
    return get_object_or_404(BenefitEvent.objects.select_related("person", "municipality"), pk=event_id)


def statement_or_404(request, statement_id):
    return get_object_or_404(
        Statement.objects.select_related("event__person", "event__municipality"), pk=statement_id
    )


def notice_or_404(request, te_notice_id):
    return get_object_or_404(
        TeOfficeNotice.objects.select_related("event__person", "event__municipality", "handler_te_office"),
        pk=te_notice_id,
    )


def reminder_or_404(request, reminder_id):
    return get_object_or_404(
        Reminder.objects.select_related("event__person", "event__municipality"), pk=reminder_id
    )


def _person_page(request, person, today, form, status=200, error=""):
    lang = translation.get_language() or "fi"
    audit.record(request.user, [person], "statements:person", Purpose.CUSTOMER_SERVICE)
    context = {
        "person": person,
        "today": today,
        "events": queries.events_of(person, lang),
        "form": form,
        "error": error,
        "can_record": can(request.user, "statements.record", person, today),
    }
    return render(request, "statements/person.html", context, status=status)


@requires("statements.view", get_object=person_or_404)
@transaction.atomic
def person(request, person):
    today = clock.today()
    form = None
    if can(request.user, "statements.record", person, today):
        form = EventForm(initial={"date": today})
    return _person_page(request, person, today, form)


@requires("statements.record", get_object=person_or_404)
def record(request, person):
    today = clock.today()
    if request.method != "POST":
        return redirect("statements:person", person_id=person.pk)
    form = EventForm(request.POST)
    if form.is_valid():
        try:
            services.record_by_hand(
                request.user,
                person,
                kind=form.cleaned_data["kind"],
                on=form.cleaned_data["date"],
                facts=form.facts(),
                today=today,
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            return redirect("statements:person", person_id=person.pk)
    with transaction.atomic():
        return _person_page(request, person, today, form, status=400)


@requires("statements.record", get_object=event_or_404)
def ask_statement(request, event):
    """A statement asked for by hand on an event: refused outside the municipality's competence."""
    today = clock.today()
    if request.method != "POST":
        return redirect("statements:person", person_id=event.person_id)
    try:
        statement = services.create_statement(event, by=request.user, today=today)
    except ValidationError as refused:
        with transaction.atomic():
            form = EventForm(initial={"date": today})
            return _person_page(
                request, event.person, today, form, status=400, error=" ".join(refused.messages)
            )
    return redirect("statements:statement", statement_id=statement.pk)


@requires("statements.view")
@transaction.atomic
def worklist(request):
    """The statements and notices the user's municipalities handle, by their deadlines; notices are due
    without delay. Every person listed is in the access log."""
    today = clock.today()
    grants = grants_for(request.user, "statements.view", today)
    kind = "notices" if request.GET.get("list") == "notices" else "statements"
    lists = {
        "statements": Statement.objects.open().handled_by(grants),
        "notices": TeOfficeNotice.objects.open().handled_by(grants),
    }
    rows = lists[kind].select_related("person", "event", "handler_municipality").order_by("due_by", "id")
    nav = groups.page(rows, today, request.GET, default="all")
    audit.record(request.user, {r.person for r in nav.rows}, "statements:worklist", Purpose.CUSTOMER_SERVICE)
    context = {
        "today": today,
        "kind": kind,
        "nav": nav,
        "rows": [{"item": r, "overdue": r.overdue(today)} for r in nav.rows],
        "counts": {name: qs.count() for name, qs in lists.items()},
    }
    return render(request, "statements/worklist.html", context)


def _letter_page(request, letter, person, obj, template_context):
    return render(
        request,
        "statements/letter.html",
        {"letter": letter, "person": person, "object": obj, **template_context},
    )


@requires("statements.view", get_object=statement_or_404)
@transaction.atomic
def statement(request, statement):
    person = statement.event.person
    audit.record(request.user, [person], "statements:statement", Purpose.CUSTOMER_SERVICE)
    context = {
        "kind": "statement",
        "pdf": "statements:statement-pdf",
        "status_url": "statements:statement-status",
        "can_change": can(request.user, "statements.record", statement, clock.today()),
    }
    return _letter_page(request, letters.statement_letter(statement), person, statement, context)


@requires("statements.view", get_object=statement_or_404)
@transaction.atomic
def statement_pdf(request, statement):
    audit.record(request.user, [statement.event.person], "statements:statement-pdf", Purpose.CUSTOMER_SERVICE)
    response = HttpResponse(render_pdf(letters.statement_letter(statement)), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="statement-{statement.pk}.pdf"'
    return response


def _change(request, item, step_allowed=("send", "acknowledge")):
    step = request.POST.get("step", "")
    if request.method == "POST" and step in step_allowed:
        # the page shows the state as it is; the buttons offer only the allowed steps
        with contextlib.suppress(ValidationError):
            services.change_status(item, step, by=request.user, on=clock.today())


@requires("statements.record", get_object=statement_or_404)
def statement_status(request, statement):
    _change(request, statement)
    return redirect("statements:statement", statement_id=statement.pk)


@requires("statements.view", get_object=notice_or_404)
@transaction.atomic
def notice(request, notice):
    person = notice.event.person
    audit.record(request.user, [person], "statements:notice", Purpose.CUSTOMER_SERVICE)
    context = {
        "kind": "notice",
        "status_url": "statements:notice-status",
        "can_change": can(request.user, "statements.record", notice, clock.today()),
    }
    return _letter_page(request, letters.notice_letter(notice), person, notice, context)


@requires("statements.record", get_object=notice_or_404)
def notice_status(request, notice):
    _change(request, notice)
    return redirect("statements:notice", te_notice_id=notice.pk)


@requires("statements.view", get_object=reminder_or_404)
@transaction.atomic
def reminder(request, reminder):
    person = reminder.event.person
    audit.record(request.user, [person], "statements:reminder", Purpose.CUSTOMER_SERVICE)
    context = {"kind": "reminder", "pdf": "statements:reminder-pdf", "can_change": False}
    return _letter_page(request, letters.reminder_letter(reminder), person, reminder, context)


@requires("statements.view", get_object=reminder_or_404)
@transaction.atomic
def reminder_pdf(request, reminder):
    audit.record(request.user, [reminder.event.person], "statements:reminder-pdf", Purpose.CUSTOMER_SERVICE)
    response = HttpResponse(render_pdf(letters.reminder_letter(reminder)), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="reminder-{reminder.pk}-{reminder.language}.pdf"'
    return response


# --- the TE office: the notices addressed to it ---


@requires("statements.view_notices")
@transaction.atomic
def te_notices(request):
    """The notices sent to the user's TE offices, those awaiting acknowledgement first."""
    today = clock.today()
    grants = grants_for(request.user, "statements.view_notices", today)
    rows = list(
        TeOfficeNotice.objects.handled_by(grants)
        .exclude(status=Status.DRAFT)
        .select_related("person", "event", "handler_municipality")
        .order_by("-status", "sent_on", "id")[:200]
    )
    audit.record(request.user, {r.person for r in rows}, "statements:te-notices", Purpose.CUSTOMER_SERVICE)
    return render(request, "statements/te_notices.html", {"today": today, "rows": rows})


@requires("statements.view_notices", get_object=notice_or_404)
@transaction.atomic
def te_notice(request, notice):
    person = notice.event.person
    audit.record(request.user, [person], "statements:te-notice", Purpose.CUSTOMER_SERVICE)
    context = {"kind": "te_notice", "status_url": "statements:te-notice-acknowledge", "can_change": True}
    return _letter_page(request, letters.notice_letter(notice), person, notice, context)


@requires("statements.view_notices", get_object=notice_or_404)
def te_notice_acknowledge(request, notice):
    _change(request, notice, ("acknowledge",))
    return redirect("statements:te-notice", te_notice_id=notice.pk)
