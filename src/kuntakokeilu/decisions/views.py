"""The benefit decisions' pages (R-BEN-1, issue 18 item 2): a person's decisions and the form to prepare one
(from the customer's service page), the drafts waiting for acceptance, a decision with its stored letter,
PDF and the recompute as of today, its cancellation and correction, and the letter templates. Every page
that shows a person's data writes the access log."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import can
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers.models import Person
from kuntakokeilu.funding.services import ImportRefused
from kuntakokeilu.funding.services import Refused as FundingRefused
from kuntakokeilu.regions.models import TrialArea

from . import decision_letter, ledger, queries, services
from .forms import DecisionForm, PaymentsImportForm, ReasonForm, TemplateForm
from .models import Decision, DecisionLetter, Instrument, LetterTemplate, Status


def person_or_404(request, person_id):
    return get_object_or_404(Person, pk=person_id)


def decision_or_404(request, decision_id):
    return get_object_or_404(
        Decision.objects.select_related("person", "municipality", "prepared_by", "approved_by", "replaces"),
        pk=decision_id,
    )


def _lang() -> str:
    return translation.get_language() or "fi"


@requires("decisions.view", get_object=person_or_404)
@transaction.atomic
def person_decisions(request, person):
    today = clock.today()
    audit.record(request.user, [person], "decisions:person", Purpose.CUSTOMER_SERVICE)
    context = {
        "person": person,
        "decisions": queries.of_person(person),
        "may_prepare": can(request.user, "decisions.prepare", person, today),
        "instruments": Instrument.choices,
    }
    return render(request, "decisions/person.html", context)


def _euros(amount, lang: str) -> str:
    """An amount of euros as the language writes it (9 000,00 in fi/sv, 9,000.00 in en)."""
    if amount is None:
        return ""
    text = f"{amount:,.2f}"
    return text if lang == "en" else text.replace(",", "\u00a0").replace(".", ",")


def _explanation(outcome, lang):
    return [{"status": c.status, "text": c.message.render(lang)} for c in outcome.checks]


@requires("decisions.prepare", get_object=person_or_404)
def prepare(request, person):
    """Step 1 choose the benefit; step 2 the facts ("check" runs the rule and pre-fills the terms it allows);
    step 3 the draft (`services.prepare`)."""
    today = clock.today()
    instrument = request.POST.get("instrument") or request.GET.get("instrument")
    if instrument not in Instrument.values:
        with transaction.atomic():
            audit.record(request.user, [person], "decisions:prepare", Purpose.CUSTOMER_SERVICE)
            return render(
                request, "decisions/choose.html", {"person": person, "instruments": Instrument.choices}
            )
    status, checked = 200, None
    if request.method == "POST":
        form = DecisionForm(request.POST, instrument=instrument)
        if form.is_valid():
            try:
                if "check" in request.POST:
                    _facts, outcome = services.run_rule(instrument, form.facts(), today)
                    checked = {"outcome": outcome, "explanation": _explanation(outcome, _lang())}
                    form = _prefilled(form, outcome.result, instrument)
                else:
                    decision = services.prepare(
                        person, instrument, form.facts(), by=request.user, on=today, **form.terms()
                    )
                    return redirect("decisions:decision", decision_id=decision.pk)
            except services.Refused as refused:
                _add_error(form, refused)
                status = 400
        else:
            status = 400
    else:
        form = DecisionForm(instrument=instrument, initial={"start": today})
    with transaction.atomic():
        audit.record(request.user, [person], "decisions:prepare", Purpose.CUSTOMER_SERVICE)
        context = {
            "person": person,
            "instrument": instrument,
            "instrument_label": Instrument(instrument).label,
            "form": form,
            "checked": checked,
            "today": today,
        }
        return render(request, "decisions/prepare.html", context, status=status)


def _add_error(form: DecisionForm, refused: services.Refused) -> None:
    """The refusal on its field of the form (a fact's field, a term), or on the whole form."""
    field = f"fact_{refused.field}" if refused.field in form.fact_names else refused.field
    form.add_error(field if field in form.fields else None, str(refused.message))


def _prefilled(form: DecisionForm, result: dict, instrument: str) -> DecisionForm:
    """The form again with the terms the rule allows filled in: the highest percentage, the longest period."""
    data = form.data.copy()
    most = services.limits(result)
    if most["max_percent"] is not None and not data.get("percent"):
        data["percent"] = str(most["max_percent"])
    start = form.cleaned_data.get("start")
    if start and most["max_months"] and not data.get("end"):
        data["end"] = services.period_last_day(start, most["max_months"]).isoformat()
    if most["max_amount"] is not None and not data.get("amount"):
        data["amount"] = str(most["max_amount"])
    prefilled = DecisionForm(data, instrument=instrument)
    prefilled.is_valid()
    return prefilled


@requires("decisions.view")
@transaction.atomic
def worklist(request):
    """The drafts waiting for acceptance in the user's municipalities, oldest first."""
    today = clock.today()
    rows = list(queries.awaiting(request.user, today))
    audit.record(request.user, {d.person for d in rows}, "decisions:worklist", Purpose.CUSTOMER_SERVICE)
    return render(request, "decisions/worklist.html", {"rows": rows, "today": today})


def _decision_page(request, decision, *, reason_form=None, status=200):
    today = clock.today()
    lang = _lang()
    as_of = queries.explain_as_of(decision, today)
    rows = [
        {
            "code": code,
            "then": old.message.render(lang) if old else "",
            "now": new.message.render(lang) if new else "",
            "differs": differs,
        }
        for code, old, new, differs in as_of.rows
    ]
    stored = DecisionLetter.objects.filter(decision=decision).first()
    audit.record(request.user, [decision.person], "decisions:decision", Purpose.CUSTOMER_SERVICE)
    may_prepare = can(request.user, "decisions.prepare", decision, today)
    in_force = decision.status == Status.ACCEPTED and decision.kind != "cancellation"
    context = {
        "decision": decision,
        "person": decision.person,
        "today": today,
        "amount": _euros(decision.amount, lang),
        "as_of": as_of,
        "rows": rows,
        "stored_result": as_of.stored.result,
        "now_result": as_of.now.result,
        "changed": as_of.changed,
        "letter": decision_letter.from_json(stored.content) if stored else None,
        "stored_letter": stored,
        "may_accept": decision.status == Status.DRAFT
        and can(request.user, "decisions.accept", decision, today)
        and decision.prepared_by_id != request.user.pk,
        "may_change": in_force and may_prepare,
        "reason_form": reason_form or ReasonForm(),
        "replaced_by": decision.replaced_by.order_by("id"),
    }
    return render(request, "decisions/decision.html", context, status=status)


@requires("decisions.view", get_object=decision_or_404)
@transaction.atomic
def decision(request, decision):
    return _decision_page(request, decision)


@requires("decisions.view", get_object=decision_or_404)
@transaction.atomic
def letter_pdf(request, decision):
    stored = get_object_or_404(DecisionLetter, decision=decision)
    audit.record(request.user, [decision.person], "decisions:letter-pdf", Purpose.CUSTOMER_SERVICE)
    response = HttpResponse(bytes(stored.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="decision-{decision.pk}-{stored.language}.pdf"'
    return response


@requires("decisions.accept", get_object=decision_or_404)
def accept(request, decision):
    if request.method != "POST":
        return redirect("decisions:decision", decision_id=decision.pk)
    try:
        services.accept(decision, request.user, clock.today())
    except services.Refused as refused:
        with transaction.atomic():
            return _refused(request, decision, refused)
    return redirect("decisions:decision", decision_id=decision.pk)


def _refused(request, decision, refused):
    form = ReasonForm(request.POST or None)
    if not form.is_valid() and not form.is_bound:
        form.cleaned_data = {}  # an acceptance posts no reason: the refusal is the form's only error
    form.add_error(None, str(refused.message))
    return _decision_page(request, decision, reason_form=form, status=400)


@requires("decisions.prepare", get_object=decision_or_404)
def cancel(request, decision):
    if request.method != "POST":
        return redirect("decisions:decision", decision_id=decision.pk)
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            new = services.cancel(decision, request.user, clock.today(), form.cleaned_data["reason"])
        except services.Refused as refused:
            with transaction.atomic():
                return _refused(request, decision, refused)
        return redirect("decisions:decision", decision_id=new.pk)
    with transaction.atomic():
        return _decision_page(request, decision, reason_form=form, status=400)


@requires("decisions.prepare", get_object=decision_or_404)
def correct(request, decision):
    today = clock.today()
    status = 200
    if request.method == "POST":
        form = DecisionForm(request.POST, instrument=decision.instrument, with_reason=True)
        if form.is_valid():
            try:
                new = services.correct(
                    decision,
                    facts=form.facts(),
                    by=request.user,
                    on=today,
                    reason=form.cleaned_data["reason"],
                    **form.terms(),
                )
            except services.Refused as refused:
                _add_error(form, refused)
            else:
                return redirect("decisions:decision", decision_id=new.pk)
        status = 400
    else:
        initial = DecisionForm.initial_from_facts(decision.facts)
        initial.update(
            {
                "percent": decision.percent,
                "start": decision.start,
                "end": decision.end,
                "amount": decision.amount,
            }
        )
        form = DecisionForm(instrument=decision.instrument, with_reason=True, initial=initial)
    with transaction.atomic():
        audit.record(request.user, [decision.person], "decisions:correct", Purpose.CUSTOMER_SERVICE)
        context = {"decision": decision, "person": decision.person, "form": form}
        return render(request, "decisions/correct.html", context, status=status)


@requires("decisions.manage_templates")
def templates(request):
    """The letter templates: every version, and a new version (never an edit of one a letter used)."""
    status = 200
    if request.method == "POST":
        form = TemplateForm(request.POST)
        if form.is_valid():
            with transaction.atomic():
                row = form.save(commit=False)
                row.created_by = request.user
                row.save()
            return redirect("decisions:templates")
        status = 400
    else:
        base = request.GET.get("from")
        source = LetterTemplate.objects.filter(pk=base).first() if base and base.isdigit() else None
        initial = {"valid_from": clock.today()}
        if source is not None:
            initial |= {
                f: getattr(source, f)
                for f in ("instrument", "language", "grounds_intro", "appeal_heading", "appeal_text")
            }
        form = TemplateForm(initial=initial)
    with transaction.atomic():
        from .templates_default import ensure_defaults

        ensure_defaults()
    rows = LetterTemplate.objects.order_by("instrument", "language", "-valid_from", "-id")
    return render(request, "decisions/templates.html", {"rows": rows, "form": form}, status=status)


# --- payments by import (issue 18 item 4, R-RES-2): the area manager's form, all or nothing ---


def _area_or_404(request, area_no):
    return get_object_or_404(TrialArea, number=area_no)


@requires("funding.import_payments", get_object=_area_or_404)
def payments_import(request, area):
    """GET: the form; POST: import the CSV, every error by line and field, nothing recorded on any error."""
    form = PaymentsImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    done = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                done = ledger.import_payments(
                    request.user, data=form.cleaned_data["file"].read(), today=clock.today(), area=area
                )
                status = 200
                form = PaymentsImportForm()
            except ImportRefused as refused:
                errors = refused.errors
            except FundingRefused as refused:
                form.add_error(None, refused.message)
    context = {"area": area, "form": form, "import_errors": errors, "done": done}
    return render(request, "decisions/payments_import.html", context, status=status)
