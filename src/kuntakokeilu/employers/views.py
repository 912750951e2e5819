"""The employer side's pages (R-SP-7): employers and vacancies (`/employers/…`), a vacancy's presented job
seekers with the form to present more, and a job seeker's consents, presentations and job offers with the
rule `job-offer-refusal`'s explanation for each refusal (`/job-seekers/<id>/service/job-offers/`). Pages that
show a person's data write the access log."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import can, grants_for
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers.models import Person
from kuntakokeilu.regions.models import Municipality
from kuntakokeilu.service_process.assignment_queries import customers_of

from . import queries, services
from .explanations import RESULT_COUNTS, RESULT_DOES_NOT_COUNT
from .forms import ConsentForm, EmployerForm, OfferForm, OutcomeForm, PresentForm, VacancyForm, WithdrawForm
from .models import Employer, JobOffer, PresentationConsent, Vacancy, VacancyStatus
from .services import Refused


def _codes(user, code: str, today: dt.date) -> set[str] | None:
    """The municipality codes the user's grants of `code` cover (None: every one)."""
    grants = grants_for(user, code, today)
    if any(g.everything for g in grants):
        return None
    return set().union(*(g.municipalities for g in grants)) if grants else set()


def _municipalities(user, today: dt.date):
    codes = _codes(user, "employers.manage", today)
    rows = Municipality.objects.order_by("name_fi")
    return rows if codes is None else rows.filter(code__in=codes)


def _candidates(user, today: dt.date):
    """The customers the user may present: of the municipalities the grants of `employers.present` cover."""
    codes = _codes(user, "employers.present", today)
    rows = Person.objects.order_by("last_name", "first_name")
    if codes is None:
        return rows
    return rows.filter(customers_of(codes, today, person_field="pk"))


def employer_or_404(request, employer_id):
    return get_object_or_404(Employer.objects.select_related("municipality"), pk=employer_id)


def vacancy_or_404(request, vacancy_id):
    return get_object_or_404(Vacancy.objects.select_related("employer", "municipality"), pk=vacancy_id)


def person_or_404(request, person_id):
    return get_object_or_404(Person, pk=person_id)


def consent_or_404(request, person_id, consent_id):
    return get_object_or_404(PresentationConsent, pk=consent_id, person_id=person_id)


def offer_or_404(request, person_id, offer_id):
    return get_object_or_404(JobOffer, pk=offer_id, person_id=person_id)


# --- employers ------------------------------------------------------------------------------------------


def _list_page(request, today, form, status=200):
    context = {
        "employers": queries.employers_for(request.user, today),
        "vacancies": queries.vacancies_for(request.user, today).filter(status=VacancyStatus.OPEN),
        "form": form,
    }
    return render(request, "employers/list.html", context, status=status)


@requires("employers.view")
def employer_list(request):
    today = clock.today()
    form = EmployerForm(municipalities=_municipalities(request.user, today))
    return _list_page(request, today, form if can(request.user, "employers.manage") else None)


@requires("employers.manage")
def employer_new(request):
    today = clock.today()
    if request.method != "POST":
        return redirect("employers:list")
    form = EmployerForm(request.POST, municipalities=_municipalities(request.user, today))
    if form.is_valid():
        try:
            employer = services.add_employer(request.user, today=today, **form.cleaned_data)
        except Refused as refused:
            form.add_error(refused.field, str(refused.message))
        else:
            return redirect("employers:employer", employer_id=employer.pk)
    return _list_page(request, today, form, status=400)


def _employer_page(request, employer, today, form, status=200):
    context = {
        "employer": employer,
        "vacancies": employer.vacancies.select_related("municipality"),
        "form": form,
    }
    return render(request, "employers/employer.html", context, status=status)


@requires("employers.view", get_object=employer_or_404)
def employer_detail(request, employer):
    today = clock.today()
    form = None
    if can(request.user, "employers.manage", employer, today):
        initial = {"municipality": employer.municipality, "published_on": today, "assignment_date": today}
        form = VacancyForm(initial=initial, municipalities=_municipalities(request.user, today))
    return _employer_page(request, employer, today, form)


@requires("employers.manage", get_object=employer_or_404)
def vacancy_new(request, employer):
    today = clock.today()
    if request.method != "POST":
        return redirect("employers:employer", employer_id=employer.pk)
    form = VacancyForm(request.POST, municipalities=_municipalities(request.user, today))
    if form.is_valid():
        try:
            vacancy = services.add_vacancy(request.user, employer, today=today, **form.cleaned_data)
        except Refused as refused:
            form.add_error(refused.field, str(refused.message))
        else:
            return redirect("employers:vacancy", vacancy_id=vacancy.pk)
    return _employer_page(request, employer, today, form, status=400)


# --- vacancies and presentations -----------------------------------------------------------------------


def _vacancy_page(request, vacancy, today, form, status=200):
    presentations = list(
        vacancy.presentations.select_related("person", "consent").order_by("-presented_on", "id")
    )
    shown = [p for p in presentations if can(request.user, "employers.view_offers", p.person, today)]
    audit.record(request.user, [p.person for p in shown], "employers:vacancy", Purpose.CUSTOMER_SERVICE)
    if form is not None:
        audit.record(
            request.user, list(form.fields["persons"].queryset), "employers:vacancy", Purpose.CUSTOMER_SERVICE
        )
    context = {
        "vacancy": vacancy,
        "presentations": shown,
        "hidden": len(presentations) - len(shown),
        "form": form,
    }
    return render(request, "employers/vacancy.html", context, status=status)


def _present_form(request, vacancy, today, data=None):
    if vacancy.status != VacancyStatus.OPEN or not can(request.user, "employers.present"):
        return None
    presented = vacancy.presentations.values("person_id")
    candidates = _candidates(request.user, today).exclude(pk__in=presented)
    return PresentForm(data, candidates=candidates)


@requires("employers.view", get_object=vacancy_or_404)
@transaction.atomic
def vacancy_detail(request, vacancy):
    today = clock.today()
    return _vacancy_page(request, vacancy, today, _present_form(request, vacancy, today))


@requires("employers.view", get_object=vacancy_or_404)
def present(request, vacancy):
    today = clock.today()
    if request.method != "POST":
        return redirect("employers:vacancy", vacancy_id=vacancy.pk)
    form = _present_form(request, vacancy, today, request.POST)
    if form is None:
        return redirect("employers:vacancy", vacancy_id=vacancy.pk)
    if form.is_valid():
        try:
            services.present(request.user, vacancy, list(form.cleaned_data["persons"]), today=today)
        except Refused as refused:
            form.add_error("persons" if refused.field else None, str(refused.message))
        else:
            return redirect("employers:vacancy", vacancy_id=vacancy.pk)
    with transaction.atomic():
        return _vacancy_page(request, vacancy, today, form, status=400)


# --- a job seeker's consents, presentations and job offers -----------------------------------------------


def _offer_rows(offers, lang: str):
    rows = []
    for offer in offers:
        judgement = services.judge(offer)
        row = {"offer": offer, "judgement": judgement, "counts": None, "texts": []}
        if judgement is not None and judgement.result is not None:
            row["counts"] = judgement.result["counts"]
            label = RESULT_COUNTS if row["counts"] else RESULT_DOES_NOT_COUNT
            row["label"] = translation.gettext(label)
            row["texts"] = [check.message.render(lang) for check in judgement.checks]
        rows.append(row)
    return rows


def _offers_page(request, person, today, forms=None, status=200):
    lang = translation.get_language() or "fi"
    user = request.user
    forms = forms or {}
    employers = queries.employers_for(user, today)
    if "consent" not in forms and can(user, "employers.record_consent", person, today):
        forms["consent"] = ConsentForm(initial={"given_on": today, "scope": "all"}, employers=employers)
    if "offer" not in forms and can(user, "employers.record_offer", person, today):
        vacancies = queries.vacancies_for(user, today).filter(status=VacancyStatus.OPEN)
        initial = {"offered_on": today, "apply_by": today + dt.timedelta(days=14), "offered_by": "authority"}
        forms["offer"] = OfferForm(initial=initial, vacancies=vacancies)
    may_record = can(user, "employers.record_offer", person, today)
    offers = person.job_offers.select_related("vacancy__employer").order_by("-offered_on", "-id")
    rows = _offer_rows(offers, lang)
    for row in rows:
        if may_record and not row["offer"].outcome:
            bound = forms.get(("outcome", row["offer"].pk))
            row["form"] = bound or OutcomeForm(initial={"outcome_on": today}, prefix=f"o{row['offer'].pk}")
    consents = [
        {"consent": c, "valid": c.withdrawn_on is None or c.withdrawn_on > today}
        for c in person.presentation_consents.select_related("employer")
    ]
    audit.record(user, [person], "employers:job_offers", Purpose.CUSTOMER_SERVICE)
    context = {
        "person": person,
        "today": today,
        "consents": consents,
        "may_withdraw": can(user, "employers.record_consent", person, today),
        "withdraw_form": WithdrawForm(initial={"withdrawn_on": today}),
        "presentations": person.presentations.select_related("vacancy__employer").order_by("-presented_on"),
        "offers": rows,
        "consent_form": forms.get("consent"),
        "offer_form": forms.get("offer"),
        "error": forms.get("error"),
    }
    return render(request, "employers/job_offers.html", context, status=status)


@requires("employers.view_offers", get_object=person_or_404)
@transaction.atomic
def job_offers(request, person):
    return _offers_page(request, person, clock.today())


def _back(person):
    return redirect("employers:job-offers", person_id=person.pk)


@requires("employers.record_consent", get_object=person_or_404)
def record_consent(request, person):
    today = clock.today()
    if request.method != "POST":
        return _back(person)
    form = ConsentForm(request.POST, employers=queries.employers_for(request.user, today))
    if form.is_valid():
        try:
            services.record_consent(request.user, person, today=today, **form.cleaned_data)
        except Refused as refused:
            form.add_error(refused.field, str(refused.message))
        else:
            return _back(person)
    with transaction.atomic():
        return _offers_page(request, person, today, {"consent": form}, status=400)


@requires("employers.record_consent", get_object=consent_or_404)
def withdraw_consent(request, consent):
    today = clock.today()
    person = consent.person
    if request.method != "POST":
        return _back(person)
    form = WithdrawForm(request.POST)
    error = None
    if form.is_valid():
        try:
            services.withdraw_consent(request.user, consent, today=today, **form.cleaned_data)
        except Refused as refused:
            error = str(refused.message)
        else:
            return _back(person)
    else:
        error = " ".join(str(e) for errors in form.errors.values() for e in errors)
    with transaction.atomic():
        return _offers_page(request, person, today, {"error": error}, status=400)


@requires("employers.record_offer", get_object=person_or_404)
def make_offer(request, person):
    today = clock.today()
    if request.method != "POST":
        return _back(person)
    vacancies = queries.vacancies_for(request.user, today).filter(status=VacancyStatus.OPEN)
    form = OfferForm(request.POST, vacancies=vacancies)
    if form.is_valid():
        try:
            services.make_offer(request.user, person, today=today, **form.cleaned_data)
        except Refused as refused:
            form.add_error(refused.field, str(refused.message))
        else:
            return _back(person)
    with transaction.atomic():
        return _offers_page(request, person, today, {"offer": form}, status=400)


@requires("employers.record_offer", get_object=offer_or_404)
def record_outcome(request, offer):
    today = clock.today()
    person = offer.person
    if request.method != "POST":
        return _back(person)
    form = OutcomeForm(request.POST, prefix=f"o{offer.pk}")
    if form.is_valid():
        try:
            services.record_outcome(request.user, offer, today=today, **form.cleaned_data)
        except Refused as refused:
            form.add_error(refused.field, str(refused.message))
        else:
            return _back(person)
    offer.refresh_from_db()
    with transaction.atomic():
        return _offers_page(request, person, today, {("outcome", offer.pk): form}, status=400)
