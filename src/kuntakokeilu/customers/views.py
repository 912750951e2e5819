"""Job seekers' pages (R-TG-1, R-X-1, R-X-2): every page that shows a person's data writes the access log
in the same transaction as the read. Persons are named by their opaque id; identity codes only travel
in POST bodies."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import can
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.models import Purpose

from . import customerships, notices, queries, services
from .forms import CorrectionForm, DateForm, HenkilotunnusForm, ImportForm, SearchForm, initial_for
from .importer import ImportRejected, import_job_seekers
from .models import Fact, FactKind, Notice, Person

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
        },
    )


def _timeline(person, lang):
    """Each customership (R-TG-3) with its organisation's name, its decision's explanation as stored, in
    the page's language, and its notices (R-TG-7)."""
    rows = []
    for row in customerships.timeline(person):
        organisation = row.municipality or row.te_office
        name = (
            organisation.names().get(lang, organisation.name_fi)
            if organisation
            else row.get_responsible_display()
        )
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
        {
            "person": person,
            "notice": notice,
            "text": notices.render(notice),
            "customership": notice.customership,
        },
    )
