"""Pages of the application rounds (R-APP-2, R-APP-3, R-APP-5): thin views over queries and services."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.views.decorators.http import require_POST

from kuntakokeilu import clock
from kuntakokeilu.access.actions import can, grants_for
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.letters.pdf import render_pdf
from kuntakokeilu.rules.console import STATUS_WORDS

from . import decision_letter, services
from .forms import ApplicationForm, DecisionForm, SupplementForm, initial_for
from .messages import CHECK_NAMES, ITEMS
from .models import Application, ApplicationStatus, EventKind, Round, RoundState, SelectionDecision
from .screening import percent


def _lang() -> str:
    return translation.get_language() or "fi"


def rendered(outcome) -> list[dict]:
    """The checks of a screening in the user's language."""
    lang = _lang()
    return [
        {
            "code": c.code,
            "name": translation.gettext(CHECK_NAMES[c.code]),
            "status": c.status,
            "status_label": translation.gettext(STATUS_WORDS[c.status]),
            "text": c.message.render(lang),
        }
        for c in outcome.checks
    ]


@requires("applications.view")
def index(request):
    today = clock.today()
    applications = [
        a
        for a in Application.objects.select_related("round", "lead").prefetch_related("municipalities")
        if can(request.user, "applications.view", a, today)
    ]
    rounds = list(Round.objects.all())
    return render(
        request,
        "applications/index.html",
        {
            "applications": applications,
            "rounds": rounds,
            "open_rounds": [r for r in rounds if r.is_open_on(today)],
            "may_apply": can(request.user, "applications.apply", None, today),
            "may_select": can(request.user, "applications.select", None, today),
            "today": today,
        },
    )


def _round(request, code):
    return get_object_or_404(Round, code=code)


def _application(request, pk):
    return get_object_or_404(
        Application.objects.select_related("round", "lead", "extends_area").prefetch_related(
            "municipalities"
        ),
        pk=pk,
    )


def _missing_labels(codes: list[str]) -> list[str]:
    return [translation.gettext(ITEMS[code]) for code in codes]


def _save_and_maybe_submit(request, form, application, today):
    try:
        application = services.save_application(request.user, application, form.application_data(), today)
        if request.POST.get("action") != "submit":
            return redirect("applications:detail", pk=application.pk), None
        missing = services.submit_application(request.user, application, today)
    except ValidationError as exc:
        form.add_error(None, exc)
        return None, None
    if missing:
        return None, (application, _missing_labels(missing))
    return redirect("applications:detail", pk=application.pk), None


@requires("applications.apply")
def new(request, code):
    today = clock.today()
    round_ = get_object_or_404(Round, code=code)
    own = sorted(
        code for g in grants_for(request.user, "applications.apply", today) for code in g.municipalities
    )
    initial = {"lead": own[0] if own else None, "municipalities": own[:1]}
    form = ApplicationForm(request.POST or None, round_=round_, on=today, initial=initial, own=own)
    if request.method == "POST" and form.is_valid():
        response, missing = _save_and_maybe_submit(request, form, Application(round=round_), today)
        if response:
            return response
        if missing:
            return redirect_with_missing(request, *missing)
    return render(request, "applications/form.html", {"form": form, "round": round_, "application": None})


def redirect_with_missing(request, application, labels):
    request.session["applications.missing"] = {str(application.pk): labels}
    return redirect("applications:edit", pk=application.pk)


@requires("applications.apply", get_object=_application)
def edit(request, application):
    today = clock.today()
    if application.status not in services.EDITABLE:
        return redirect("applications:detail", pk=application.pk)
    own = sorted(
        code for g in grants_for(request.user, "applications.apply", today) for code in g.municipalities
    )
    form = ApplicationForm(
        request.POST or None, round_=application.round, on=today, initial=initial_for(application), own=own
    )
    missing = request.session.pop("applications.missing", {}).get(str(application.pk), [])
    if request.method == "POST" and form.is_valid():
        response, result = _save_and_maybe_submit(request, form, application, today)
        if response:
            return response
        if result:
            missing = result[1]
    context = {"form": form, "round": application.round, "application": application, "missing": missing}
    return render(request, "applications/form.html", context)


def _screening(application, today):
    if not application.municipalities.exists():
        return None
    outcome = services.screen_round(application.round, today, include=application)[application.pk]
    status_label = translation.gettext(STATUS_WORDS[outcome.status])
    return {"outcome": outcome, "checks": rendered(outcome), "status_label": status_label}


def _detail(request, application, supplement_form=None, status=200, error=""):
    today = clock.today()
    may_request = application.status == ApplicationStatus.SUBMITTED and can(
        request.user, "applications.request_supplement", application, today
    )
    context = {
        "application": application,
        "screening": _screening(application, today),
        "events": _history(request.user, application, today),
        "may_edit": application.status in services.EDITABLE
        and can(request.user, "applications.apply", application, today),
        "may_delete": application.status == ApplicationStatus.DRAFT
        and can(request.user, "applications.apply", application, today),
        "may_withdraw": application.status in services.WITHDRAWABLE
        and application.round.state != RoundState.DECIDED
        and can(request.user, "applications.apply", application, today),
        "supplement_form": (supplement_form or SupplementForm()) if may_request else None,
        "expenditure": sorted((application.lms_expenditure_2018_eur or {}).items()),
        "error": error,
    }
    return render(request, "applications/detail.html", context, status=status)


INTERNAL_EVENTS = (EventKind.TICKED, EventKind.UNTICKED)


def _history(user, application, today):
    """The application's history; the ticks of the selection view are the ministry's and ELY's working
    notes, not shown to those who may not use that view (the applicant, issue 15)."""
    events = application.events.select_related("by")
    if not can(user, "applications.select", None, today):
        events = events.exclude(kind__in=INTERNAL_EVENTS)
    return events


@requires("applications.view", get_object=_application)
def detail(request, application):
    return _detail(request, application)


@require_POST
@requires("applications.apply", get_object=_application)
def delete_draft(request, application):
    """The applicant deletes an unsubmitted draft (issue 15)."""
    try:
        services.delete_draft(request.user, application, clock.today())
    except ValidationError as exc:
        return _detail(request, application, status=400, error=" ".join(exc.messages))
    return redirect("applications:index")


@require_POST
@requires("applications.apply", get_object=_application)
def withdraw(request, application):
    """The applicant withdraws a submitted application before the round's decision (issue 15)."""
    try:
        services.withdraw(request.user, application, clock.today())
    except ValidationError as exc:
        return _detail(request, application, status=400, error=" ".join(exc.messages))
    return redirect("applications:detail", pk=application.pk)


@require_POST
@requires("applications.request_supplement", get_object=_application)
def request_supplement(request, application):
    form = SupplementForm(request.POST)
    if form.is_valid():
        try:
            services.request_supplement(request.user, application, form.cleaned_data["note"], clock.today())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("applications:detail", pk=application.pk)
    return _detail(request, application, form, status=400)


def _selection_context(request, round_, today):
    applications = list(
        round_.applications.filter(
            status__in=(
                ApplicationStatus.SUBMITTED,
                ApplicationStatus.SUPPLEMENT_REQUESTED,
                ApplicationStatus.SELECTED,
                ApplicationStatus.NOT_SELECTED,
            )
        )
        .select_related("lead", "round", "extends_area")
        .prefetch_related("municipalities")
    )
    outcomes = services.screen_round(round_, today) if applications else {}
    rows = [
        {
            "application": a,
            "outcome": outcomes.get(a.pk),
            "status_label": translation.gettext(STATUS_WORDS[outcomes[a.pk].status])
            if a.pk in outcomes
            else "",
            "checks": rendered(outcomes[a.pk]) if a.pk in outcomes else [],
        }
        for a in applications
        if can(request.user, "applications.view", a, today)
    ]
    return rows, services.selection_summary(round_)


def summary_context(summary) -> dict:
    lang = _lang()
    rows = [
        {
            "code": e.code,
            "name": e.names.get(lang) or e.names["fi"],
            "customers": e.customers,
            "share_text": e.share_text(lang),
            "over": e.over,
        }
        for e in summary.elys
    ]
    return {"summary": summary, "ely_rows": rows, "maximum_text": percent(summary.maximum)[lang]}


@requires("applications.select", get_object=_round)
def selection(request, round_):
    today = clock.today()
    rows, summary = _selection_context(request, round_, today)
    form = DecisionForm(initial={"decided_on": today})
    return render(
        request,
        "applications/selection.html",
        {
            "round": round_,
            "rows": rows,
            **summary_context(summary),
            "decision_form": form if round_.state == RoundState.OPEN else None,
            "may_decide": can(request.user, "applications.decide", round_, today),
            "decisions": round_.decisions.all(),
            # issue 15: a decided round shows the areas it selected (the 2019 and 2020 rounds included)
            "selected_areas": round_.selections.select_related("trial_area")
            .prefetch_related("municipalities")
            .order_by("trial_area__number"),
        },
    )


@require_POST
@requires("applications.select", get_object=_round)
def tick(request, round_):
    """The selection view's JSON endpoint: tick or untick, and the recomputed figures of the ticked set."""
    today = clock.today()
    application = get_object_or_404(Application, pk=request.POST.get("application"), round=round_)
    try:
        services.tick(request.user, application, request.POST.get("ticked") == "1", today)
    except ValidationError as exc:
        return JsonResponse({"error": " ".join(exc.messages)}, status=400)
    summary = services.selection_summary(round_)
    return JsonResponse(
        {
            **summary.to_json(_lang()),
            "ticked": list(round_.applications.filter(ticked=True).values_list("pk", flat=True)),
        }
    )


@require_POST
@requires("applications.decide", get_object=_round)
def decide(request, round_):
    today = clock.today()
    form = DecisionForm(request.POST)
    error = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            decision = services.decide_round(
                request.user, round_, data["decided_on"], data["decision_maker"], data["grounds"], today
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            return redirect("applications:decision", pk=decision.pk)
    rows, summary = _selection_context(request, round_, today)
    context = {
        "round": round_,
        "rows": rows,
        **summary_context(summary),
        "decision_form": form,
        "decision_error": error,
        "may_decide": True,
        "decisions": round_.decisions.all(),
    }
    return render(request, "applications/selection.html", context, status=400)


def _decision(request, pk):
    return get_object_or_404(SelectionDecision.objects.select_related("round", "decided_by"), pk=pk)


@requires("applications.view")
def decision(request, pk):
    """The selection decision as letters in Finnish and in Swedish, each also as a PDF (R-APP-5)."""
    decision = _decision(request, pk)
    letters = [(lang, decision_letter.letter(decision, lang)) for lang in decision_letter.LANGUAGES]
    return render(request, "applications/decision.html", {"decision": decision, "letters": letters})


@requires("applications.view")
def decision_pdf(request, pk, lang):
    """The selection decision's letter in `lang` (fi or sv) as a PDF, the same letter as on the page."""
    if lang not in decision_letter.LANGUAGES:
        raise Http404("The decision is given in Finnish and Swedish.")
    decision = _decision(request, pk)
    response = HttpResponse(
        render_pdf(decision_letter.letter(decision, lang)), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="selection-decision-{decision.pk}-{lang}.pdf"'
    return response
