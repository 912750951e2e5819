"""The plans' pages (R-SP-5): a job seeker's plans and their versions, a version as its printable letter and
PDF in the job seeker's service language with the form to record an approval, and the forms that make a plan
or a new version. Every page that shows the person's data writes the access log (R-X-2)."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import can
from kuntakokeilu.access.decorators import requires
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers.models import Person
from kuntakokeilu.letters.pdf import render_pdf

from . import plan_letter, queries, services
from .forms import ApprovalForm, VersionForm
from .models import Party, Plan


def person_or_404(request, person_id):
    return get_object_or_404(Person, pk=person_id)


def plan_or_404(request, person_id, plan_id):
    return get_object_or_404(Plan.objects.select_related("person"), pk=plan_id, person_id=person_id)


def version_or_404(request, person_id, plan_id, version_no):
    person = get_object_or_404(Person, pk=person_id)
    version = queries.version_of(person, plan_id, version_no)
    if version is None:
        raise Http404
    return version


@requires("plans.view", get_object=person_or_404)
@transaction.atomic
def plans(request, person):
    """The person's plans, each with its versions newest first, their review dates and approvals."""
    today = clock.today()
    audit.record(request.user, [person], "plans:plans", Purpose.CUSTOMER_SERVICE)
    shown = [
        {"plan": p, "versions": [{"v": v, "agreed": queries.is_agreed(v)} for v in p.versions.all()]}
        for p in queries.plans_of(person)
    ]
    context = {
        "person": person,
        "today": today,
        "plans": shown,
        "can_record": can(request.user, "plans.record", person, today),
    }
    return render(request, "plans/plans.html", context)


def _version_form(request, person, plan, form, status=200):
    with transaction.atomic():
        audit.record(request.user, [person], "plans:version-form", Purpose.CUSTOMER_SERVICE)
        context = {"person": person, "plan": plan, "form": form, "today": clock.today()}
        return render(request, "plans/version_form.html", context, status=status)


def _save(request, form, person, make):
    """Runs `make()` on a valid form; on a refusal puts each problem on its field. The new version or None."""
    if not form.is_valid():
        return None
    try:
        return make()
    except services.Refused as refused:
        for field, texts in refused.by_field().items():
            for text in texts:
                form.add_error(form.field_of(field), text)
    return None


@requires("plans.record", get_object=person_or_404)
def new_plan(request, person):
    """GET: the form of a new plan and its first version; POST: records them."""
    today = clock.today()
    if request.method == "POST":
        form = VersionForm(request.POST, with_kind=True)
        version = _save(
            request,
            form,
            person,
            lambda: services.create_plan(
                request.user, person, form.cleaned_data["kind"], today=today, **form.content()
            ),
        )
        if version is not None:
            return redirect("plans:version", person.pk, version.plan_id, version.number)
        return _version_form(request, person, None, form, status=400)
    return _version_form(request, person, None, VersionForm(with_kind=True, initial={"agreed_on": today}))


@requires("plans.record", get_object=plan_or_404)
def new_version(request, plan):
    """GET: the form of a new version, the goals and obligation from the latest; POST: records it."""
    person, today = plan.person, clock.today()
    if request.method == "POST":
        form = VersionForm(request.POST)
        version = _save(
            request,
            form,
            person,
            lambda: services.add_version(request.user, person, plan, today=today, **form.content()),
        )
        if version is not None:
            return redirect("plans:version", person.pk, plan.pk, version.number)
        return _version_form(request, person, plan, form, status=400)
    latest = plan.versions.order_by("-number").first()
    initial = {"agreed_on": today}
    if latest is not None:
        initial |= {"goals": latest.goals, "job_search_obligation": latest.job_search_obligation}
    return _version_form(request, person, plan, VersionForm(initial=initial))


def _version_page(request, version, form, status=200):
    person, today = version.plan.person, clock.today()
    with transaction.atomic():
        audit.record(request.user, [person], "plans:version", Purpose.CUSTOMER_SERVICE)
        given = queries.approvals(version)
        can_record = can(request.user, "plans.record", person, today)
        if form is None and can_record and len(given) < len(Party):
            missing = next(p for p in Party if p.value not in given)
            form = ApprovalForm(
                initial={"party": missing.value, "approved_on": today, "channel": "in_person"}
            )
        context = {
            "person": person,
            "plan": version.plan,
            "version": version,
            "letter": plan_letter.letter(version),
            "form": form if can_record else None,
            "newer": version.plan.versions.filter(number__gt=version.number).exists(),
        }
        return render(request, "plans/version.html", context, status=status)


@requires("plans.view", get_object=version_or_404)
def version(request, version):
    """A version as its printable letter in the job seeker's service language, and the approval form."""
    return _version_page(request, version, None)


@requires("plans.record", get_object=version_or_404)
def approve(request, version):
    """POST: records a party's approval of the version."""
    if request.method != "POST":
        return redirect("plans:version", version.plan.person_id, version.plan_id, version.number)
    person, today = version.plan.person, clock.today()
    form = ApprovalForm(request.POST)
    if form.is_valid():
        try:
            services.record_approval(request.user, person, version, today=today, **form.cleaned_data)
        except services.Refused as refused:
            for field, texts in refused.by_field().items():
                for text in texts:
                    form.add_error(field if field in form.fields else None, text)
        else:
            url = reverse("plans:version", args=[person.pk, version.plan_id, version.number])
            return redirect(url + "#approvals")
    return _version_page(request, version, form, status=400)


@requires("plans.view", get_object=version_or_404)
@transaction.atomic
def version_pdf(request, version):
    """The version as a PDF letter in the job seeker's service language; logged like the page (R-X-2)."""
    person = version.plan.person
    audit.record(request.user, [person], "plans:version-pdf", Purpose.CUSTOMER_SERVICE)
    response = HttpResponse(render_pdf(plan_letter.letter(version)), content_type="application/pdf")
    name = f"plan-{version.plan_id}-{version.number}-{person.service_language}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response
