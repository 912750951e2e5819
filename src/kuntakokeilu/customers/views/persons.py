"""Finding a job seeker, the person page (R-TG-1, R-TG-3) and fact corrections; each view logs its
reads (R-X-2)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import prefetch_related_objects
from django.shortcuts import redirect, render
from django.utils import translation

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import can
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.rules.parameters import default_store

from .. import customerships, queries, services, worklist
from .. import search as searching
from ..forms import CorrectionForm, DateForm, SearchForm, initial_for
from ..models import FactKind
from .common import CHECK_LABELS, add_errors, fact_or_404, person_or_404
from .transfer_requests import request_context


@requires("customers.search")
def search(request):
    form = SearchForm(request.POST or None)
    results, te_office = None, []
    if request.method == "POST" and form.is_valid():
        today, query = clock.today(), form.cleaned_data["query"]
        with transaction.atomic():
            results = searching.search(request.user, query, today)
            te_office = searching.te_office_customers(request.user, query, today, results)
            listed = results + [row.person for row in te_office]
            audit.record(request.user, listed, "customers:search", form.chosen_purpose())
    context = {"form": form, "results": results, "te_office": te_office}
    return render(request, "customers/search.html", context)


@requires("customers.view_person", get_object=person_or_404)
@transaction.atomic
def person(request, person):
    today = clock.today()
    date_form = DateForm(request.GET if "on" in request.GET else None, initial={"on": today})
    on = date_form.cleaned_data["on"] if date_form.is_bound and date_form.is_valid() else today
    everything = queries.all_facts(person)  # one read of the facts and one of the customerships a page
    facts = [f for f in everything if not f.superseded]
    rows = customerships.timeline(person)
    prefetch_related_objects(rows, "notices")
    outcome = queries.target_group_on(person, on, facts, rows)
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
            "history": history_tables(person, everything),
            "outcome": outcome,
            "checks": checks,
            "facts_then": queries.facts_on(person, on, facts, rows),
            "may_correct": _may_correct(request.user, person, today),
            "customerships": _timeline(rows, lang),
            "due_transfer": worklist.open_due(person, today),
            "kept": worklist.last_kept(person, today),  # issue 14 item 2: the TE office's reason
            **request_context(request.user, person, today),  # transfer requests (R-TG-5)
            "today": today,
            "pilot_ends": _pilot_ends(),
        },
    )


def _pilot_ends() -> list:
    """The pilot's last day as the law set it over time (issue 15: a decision of 2021 says 30.6.2023, one of
    today 31.12.2024; the page says why): [(in force from, last day, reference)] when it changed."""
    values = default_store().history("pilot.end_date")
    return [(v.start, v.value, v.reference) for v in values] if len(values) > 1 else []


def _timeline(customerships_of_person, lang):
    """Each customership (R-TG-3) with its organisation's name, its decision's explanation as stored, in
    the page's language, and its notices (R-TG-7)."""
    rows = []
    for row in customerships_of_person:
        organisation = row.municipality or row.te_office or row.employment_area
        name = organisation.name_in(lang) if organisation else row.get_responsible_display()
        outcome = customerships.explanation(row)
        checks = (
            [(c, CHECK_LABELS[c.status], c.message.render(lang)) for c in outcome.checks] if outcome else []
        )
        rows.append({"row": row, "name": name, "checks": checks, "notices": list(row.notices.all())})
    return rows


def _may_correct(user, person, on) -> bool:
    return can(user, "customers.correct_fact", person, on)


def history_tables(person, facts=None):
    rows = queries.history(person, facts)
    return [(FactKind(kind).label, kind, rows[kind]) for kind in FactKind.values if rows[kind]]


@requires("customers.correct_fact", get_object=fact_or_404)
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
                reported_on=form.cleaned_data.get("reported_on"),
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            return redirect("customers:person", person_id=fact.person_id)
    with transaction.atomic():
        audit.record(request.user, [fact.person], "customers:correct", Purpose.CORRECTION)
        return render(request, "customers/correct.html", {"form": form, "fact": fact, "person": fact.person})
