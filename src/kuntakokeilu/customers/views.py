"""Job seekers' pages (R-TG-1, R-X-1, R-X-2): every page that shows a person's data writes the access log
in the same transaction as the read. Persons are named by their opaque id; identity codes only travel
in POST bodies."""

from __future__ import annotations

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import can
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.letters.pdf import render_pdf
from kuntakokeilu.regions.models import TrialArea

from . import customerships, notice_letter, notices, queries, services, worklist
from .forms import CorrectionForm, DateForm, HenkilotunnusForm, ImportForm, SearchForm, initial_for
from .importer import ImportRejected, import_job_seekers
from .models import DueTransfer, Fact, FactKind, Notice, Person, Responsible

CHECK_LABELS = {"pass": _("met"), "fail": _("not met"), "warn": _("warning"), "info": _("note")}


def _person(request, person_id):
    return get_object_or_404(Person, pk=person_id)


def _fact(request, person_id, fact_id):
    return get_object_or_404(
        Fact.objects.select_related("person", "municipality"), pk=fact_id, person_id=person_id
    )


def _notice(request, person_id, notice_id):
    return get_object_or_404(
        Notice.objects.select_related("customership__person"), pk=notice_id, customership__person_id=person_id
    )


@requires("customers.search")
def search(request):
    form = SearchForm(request.POST or None)
    results = None
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            results = queries.search(request.user, form.cleaned_data["query"], clock.today())
            audit.record(request.user, results, "customers:search", form.chosen_purpose())
    return render(request, "customers/search.html", {"form": form, "results": results})


@requires("customers.view_person", get_object=_person)
@transaction.atomic
def person(request, person):
    today = clock.today()
    date_form = DateForm(request.GET if "on" in request.GET else None, initial={"on": today})
    on = date_form.cleaned_data["on"] if date_form.is_bound and date_form.is_valid() else today
    facts = queries.current_facts(person)
    outcome = queries.target_group_on(person, on, facts)
    lang = translation.get_language() or "fi"
    checks = [(c, CHECK_LABELS[c.status], c.message.render(lang)) for c in outcome.checks] if outcome else []
    audit.record(request.user, [person], "customers:person", Purpose.CUSTOMER_SERVICE)
    return render(
        request,
        "customers/person.html",
        {
            "person": person,
            "on": on,
            "date_form": date_form,
            "history": _history_tables(person),
            "outcome": outcome,
            "checks": checks,
            "facts_then": queries.facts_on(person, on, facts),
            "may_correct": _may_correct(request.user, person, today),
            "customerships": _timeline(person, lang),
            "due_transfer": worklist.open_due(person, today),
            **_request_context(request.user, person, today),  # transfer requests (R-TG-5)
            "today": today,
        },
    )


def _timeline(person, lang):
    """Each customership (R-TG-3) with its organisation's name, its decision's explanation as stored, in
    the page's language, and its notices (R-TG-7)."""
    rows = []
    for row in customerships.timeline(person):
        organisation = row.municipality or row.te_office
        name = organisation.name_in(lang) if organisation else row.get_responsible_display()
        outcome = customerships.explanation(row)
        checks = (
            [(c, CHECK_LABELS[c.status], c.message.render(lang)) for c in outcome.checks] if outcome else []
        )
        rows.append({"row": row, "name": name, "checks": checks, "notices": list(row.notices.all())})
    return rows


def _may_correct(user, person, on) -> bool:
    return can(user, "customers.correct_fact", person, on)


def _history_tables(person):
    rows = queries.history(person)
    return [(FactKind(kind).label, kind, rows[kind]) for kind in FactKind.values if rows[kind]]


@requires("customers.correct_fact", get_object=_fact)
def correct(request, fact):
    today = clock.today()
    form = CorrectionForm(request.POST or None, fact=fact, initial=initial_for(fact))
    if request.method == "POST" and form.is_valid():
        try:
            services.correct_fact(
                request.user,
                fact,
                valid_from=form.cleaned_data["valid_from"],
                values=form.values(),
                reason=form.cleaned_data["reason"],
                on=today,
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            return redirect("customers:person", person_id=fact.person_id)
    with transaction.atomic():
        audit.record(request.user, [fact.person], "customers:correct", Purpose.CORRECTION)
        return render(request, "customers/correct.html", {"form": form, "fact": fact, "person": fact.person})


def _add_errors(form, exc: ValidationError) -> None:
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, messages in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


@requires("access.read_log")
def access_log(request):
    """The access log of one person, found by identity code (POST: no identity code in the URL)."""
    form = HenkilotunnusForm(request.POST or None)
    context = {"form": form, "searched": False}
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            subject = Person.objects.filter(henkilotunnus=form.cleaned_data["henkilotunnus"]).first()
            context.update(searched=True, subject=subject)
            if subject is not None:
                context["entries"] = list(audit.entries_about(subject))
                audit.record(request.user, [subject], "customers:access-log", Purpose.SUPERVISION)
    return render(request, "customers/access_log.html", context)


@requires("access.access_request")
def access_request(request):
    """The data subject's access request: what the register holds on a person and who has looked."""
    form = HenkilotunnusForm(request.POST or None)
    context = {"form": form, "searched": False}
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            subject = Person.objects.filter(henkilotunnus=form.cleaned_data["henkilotunnus"]).first()
            context.update(searched=True, subject=subject)
            if subject is not None:
                context["history"] = _history_tables(subject)
                context["entries"] = list(audit.entries_about(subject))
                audit.record(request.user, [subject], "customers:access-request", Purpose.ACCESS_REQUEST)
    return render(request, "customers/access_request.html", context)


@requires("customers.import")
def import_file(request):
    """Upload a CSV of job seekers: all rows or none, every error with line, field and reason (R-X-3)."""
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = import_job_seekers(upload.read(), source=upload.name, actor=request.user)
        except ImportRejected as exc:
            context["errors"] = exc.errors
        else:
            context["summary"] = report.summary(upload.name)
    return render(request, "customers/import.html", context)


@requires("customers.view_notice", get_object=_notice)
@transaction.atomic
def notice(request, notice):
    """A transfer notice (R-TG-7), printable, in the language it was issued in."""
    person = notice.customership.person
    audit.record(request.user, [person], "customers:notice", Purpose.CUSTOMER_SERVICE)
    return render(
        request,
        "customers/notice.html",
        {"person": person, "notice": notice, "letter": notice_letter.letter(notice)},
    )


# --- due transfers (the 7-day worklist, R-TG-4, R-TG-5) ------------------------------------------


def _due_transfer(request, due_id):
    return get_object_or_404(DueTransfer.objects.select_related("person"), pk=due_id)


def _organisation_name(target: dict | None, lang: str) -> str:
    """The name of an organisation given as the rule's `responsible` answer, in the page's language."""
    fields = customerships.responsible_fields(target)
    place = fields["municipality"] or fields["te_office"]
    if place is None:
        return str(Responsible(fields["responsible"]).label)
    return place.name_in(lang)


def _worklist_row(due: DueTransfer, today, lang: str) -> dict:
    current = customerships.current(due.person, max(today, due.event_date))
    if current is not None and current.responsible != Responsible.NONE:
        source = _organisation_name(notices.organisation(current), lang)
    else:
        source = str(_("TE office (not transferred)"))
    return {
        "due": due,
        "from": source,
        "to": _organisation_name(due.target, lang),
        "days_left": (due.due_by - today).days,
        "days_late": (today - due.due_by).days,
        "overdue": due.overdue(today),
    }


@requires("customers.view_due_transfers")
@transaction.atomic
def due_transfers(request):
    """The transfers the user's organisation must make, earliest deadline first, overdue ones marked in
    red with a text label (R-TG-4); below, those made within the last 30 days. Each listed person is
    logged (R-X-2)."""
    today = clock.today()
    lang = translation.get_language() or "fi"
    pending = worklist.open_for(request.user, today)
    done = worklist.done_for(request.user, today)
    rows = [_worklist_row(due, today, lang) for due in pending]
    for row in rows:
        row["may_complete"] = can(request.user, "customers.complete_transfer", row["due"], today)
    persons = {due.person_id: due.person for due in [*pending, *done]}
    audit.record(request.user, persons.values(), "customers:due-transfers", Purpose.TRANSFER)
    return render(
        request,
        "customers/due_transfers.html",
        {
            "rows": rows,
            "done": [(due, _organisation_name(due.target, lang)) for due in done],
            "today": today,
            "done_days": worklist.DONE_LISTED_DAYS,
        },
    )


def _logged(request, person, what: str, write):
    """Run a write on a person's case and log the access in the same transaction (R-X-2)."""
    with transaction.atomic():
        result = write()
        audit.record(request.user, [person], what, Purpose.TRANSFER)
    return result


@require_POST
@requires("customers.complete_transfer", get_object=_due_transfer)
def complete_transfer(request, due):
    """Make a due transfer today (R-TG-4): the customership and its notices (R-TG-7)."""
    try:
        customership = _logged(
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
                "organisation": _organisation_name(notices.organisation(customership), lang),
                "on": formats.date_format(customership.valid_from, "SHORT_DATE_FORMAT"),
            },
        )
    return redirect("customers:due-transfers")


# --- notice PDFs and customer counts (issue 6: R-TG-7, a trial area's customers over time) ------


@requires("customers.view_notice", get_object=_notice)
@transaction.atomic
def notice_pdf(request, notice):
    """The transfer notice as a PDF letter in its own language (R-TG-7); logged like the page (R-X-2)."""
    person = notice.customership.person
    audit.record(request.user, [person], "customers:notice-pdf", Purpose.CUSTOMER_SERVICE)
    response = HttpResponse(render_pdf(notice_letter.letter(notice)), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="notice-{notice.pk}-{notice.language}.pdf"'
    return response


def _trial_area(request, area_no):
    return get_object_or_404(TrialArea.objects.select_related("ely", "te_office"), number=area_no)


@requires("customers.view_customer_counts")
def customer_counts_index(request):
    """The trial areas whose customer counts the user may see; with one, straight to it."""
    today = clock.today()
    areas = [
        a for a in TrialArea.objects.all() if can(request.user, "customers.view_customer_counts", a, today)
    ]
    if len(areas) == 1:
        return redirect("customers:customer-counts", area_no=areas[0].number)
    return render(request, "customers/customer_counts_index.html", {"areas": areas})


@requires("customers.view_customer_counts", get_object=_trial_area)
def customer_counts(request, area):
    """A trial area's customers on each month's last day, per member municipality and in total, with
    small counts hidden (aggregates; no personal data, so no access-log entry)."""
    from . import counts

    today = clock.today()
    found = counts.area_counts(area, today)
    return render(
        request,
        "customers/customer_counts.html",
        {
            "area": area,
            "counts": found,
            "chart": counts.chart(found),
            "today": today,
            "threshold": counts.THRESHOLD,
        },
    )


# --- transfer requests (R-TG-5; L1269 s. 5 as amended by L421/2021) --------------------------------
from . import requests  # noqa: E402
from .forms import RequestAnswerForm, RequestForm  # noqa: E402
from .models import Ground, TransferRequest  # noqa: E402


def _transfer_request(request, request_id):
    return get_object_or_404(TransferRequest.objects.select_related("person", "municipality"), pk=request_id)


def _request_context(user, person, today) -> dict:
    """The person page's part: the person's requests and whether the user may record one."""
    return {
        "transfer_requests": requests.of_person(person),
        "may_record_request": can(user, "customers.record_request", person, today)
        and requests.municipal_customership(person, today) is not None,
    }


@requires("customers.record_request", get_object=_person)
def record_request(request, person):
    """Record a job seeker's request to move back to the TE office or to another trial municipality, on
    the person's behalf (R-TG-5)."""
    today = clock.today()
    form = RequestForm(request.POST or None, initial={"asked_on": today})
    if request.method == "POST" and form.is_valid() and form.cleaned_data["asked_on"] > today:
        form.add_error("asked_on", _("The request cannot be dated in the future."))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            _logged(
                request,
                person,
                "customers:record-request",
                lambda: requests.ask(
                    person,
                    actor=request.user,
                    asked_on=data["asked_on"],
                    ground=data["ground"],
                    reason=data["reason"],
                    services_secured=data["services_secured"],
                    municipality=data["municipality"],
                    recorded_on=today,
                ),
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            flash.success(request, _("The transfer request has been recorded."))
            return redirect("customers:person", person_id=person.pk)
    with transaction.atomic():
        audit.record(request.user, [person], "customers:record-request", Purpose.TRANSFER)
        current = requests.municipal_customership(person, today)
        return render(
            request, "customers/request_form.html", {"form": form, "person": person, "current": current}
        )


def _conditions(row: TransferRequest) -> list[tuple[str, bool]]:
    """The conditions of s. 5 as the TE office sees them: (text, met)."""
    day = formats.date_format(row.asked_on, "SHORT_DATE_FORMAT")
    rows = [
        (_("The customer asked for the transfer on %(on)s.") % {"on": day}, True),
        (_("Reason of the Act: %(reason)s.") % {"reason": row.get_reason_display()}, True),
        (
            _("The move does not endanger services matching the customer's needs.")
            if row.services_secured
            else _("It has not been established that the move keeps services matching the needs."),
            row.services_secured,
        ),
    ]
    if row.ground == Ground.REQUEST_TO_MUNICIPALITY:
        if row.accepted_on:
            text = _("The receiving municipality accepted on %(on)s.") % {
                "on": formats.date_format(row.accepted_on, "SHORT_DATE_FORMAT")
            }
        else:
            text = _("The receiving municipality has not accepted the move.")
        rows.append((text, row.accepted_on is not None))
    return rows


def _request_row(row: TransferRequest, today, lang: str) -> dict:
    current = requests.municipal_customership(row.person, today)
    conditions = _conditions(row)
    return {
        "request": row,
        "from": _organisation_name(notices.organisation(current), lang) if current else "–",
        "to": row.municipality.name_in(lang) if row.municipality else _("TE office"),
        "conditions": conditions,
        "all_met": all(met for _text, met in conditions),
    }


@requires("customers.view_requests")
@transaction.atomic
def transfer_requests(request):
    """The open requests in the user's scope: the TE office's to decide, the receiving municipality's to
    accept or decline (R-TG-5). Each listed person is logged (R-X-2)."""
    today = clock.today()
    lang = translation.get_language() or "fi"
    found = requests.open_for(request.user, today)
    persons = {row.person_id: row.person for rows in found.values() for row in rows}
    audit.record(request.user, persons.values(), "customers:transfer-requests", Purpose.TRANSFER)
    return render(
        request,
        "customers/requests.html",
        {
            "to_decide": [_request_row(row, today, lang) for row in found["to_decide"]],
            "to_answer": [_request_row(row, today, lang) for row in found["to_answer"]],
            "may_decide": can(request.user, "customers.decide_request", None, today),
            "may_answer": can(request.user, "customers.answer_request", None, today),
        },
    )


@require_POST
@requires("customers.answer_request", get_object=_transfer_request)
def answer_request(request, transfer_request):
    """The receiving municipality accepts the move or declines it."""
    form = RequestAnswerForm(request.POST)
    if not form.is_valid():
        flash.error(request, _("Choose whether to accept the transfer."))
        return redirect("customers:transfer-requests")
    try:
        _logged(
            request,
            transfer_request.person,
            "customers:answer-request",
            lambda: requests.answer(transfer_request, actor=request.user, on=clock.today(), accept=form.yes),
        )
    except ValidationError as exc:
        flash.error(request, " ".join(exc.messages))
    else:
        name = transfer_request.person.full_name
        if form.yes:
            flash.success(request, _("The transfer of %(person)s was accepted.") % {"person": name})
        else:
            flash.success(request, _("The transfer of %(person)s was declined.") % {"person": name})
    return redirect("customers:transfer-requests")


@require_POST
@requires("customers.decide_request", get_object=_transfer_request)
def decide_request(request, transfer_request):
    """The TE office grants the request (the customership and its notices) or refuses it."""
    form = RequestAnswerForm(request.POST)
    if not form.is_valid():
        flash.error(request, _("Choose whether to grant the request."))
        return redirect("customers:transfer-requests")
    try:
        decided = _logged(
            request,
            transfer_request.person,
            "customers:decide-request",
            lambda: requests.decide(transfer_request, actor=request.user, on=clock.today(), grant=form.yes),
        )
    except ValidationError as exc:
        flash.error(request, " ".join(exc.messages))
    else:
        name = transfer_request.person.full_name
        if decided.customership is not None:
            lang = translation.get_language() or "fi"
            flash.success(
                request,
                _("%(person)s has been transferred to %(organisation)s from %(on)s; the notices were issued.")
                % {
                    "person": name,
                    "organisation": _organisation_name(notices.organisation(decided.customership), lang),
                    "on": formats.date_format(decided.customership.valid_from, "SHORT_DATE_FORMAT"),
                },
            )
        else:
            flash.success(request, _("The request of %(person)s was refused.") % {"person": name})
    return redirect("customers:transfer-requests")
