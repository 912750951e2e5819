"""Recording plans (issue 17 item 1, R-SP-5): a new plan with its first version, a new version, a party's
approval. Each is all-or-nothing in one transaction and checks the catalogue again for the object it changes
(`plans.record`). Bad input raises `Refused` with every problem found (a field and a localised message) and
changes nothing: a step due before the plan, an approval before the plan's date or after today, a version
dated before the latest one, a version for another person's plan, a person who is not the municipality's
customer on the plan's date, a value not offered. The checks of the input are the pure `rules.check_version`
and `rules.check_approval`; the page's forms and the API call these services."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext_noop

from kuntakokeilu.access.actions import can
from kuntakokeilu.customers import customerships
from kuntakokeilu.customers.models import Person
from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.parameters import ParameterStore, default_store

from . import rules
from .models import (
    ApprovalChannel,
    Kind,
    Party,
    Plan,
    PlanApproval,
    PlanService,
    PlanStep,
    PlanVersion,
    Responsible,
    ServiceKind,
)
from .rules import Problem

# message ids of the refusals that are not the rule's (English source; fi/sv in this app's locale/)
NOT_YOURS = gettext_noop("This job seeker is not among the customers whose plans you record.")
NOT_A_CUSTOMER = gettext_noop("The job seeker was not a customer of a trial municipality on the plan's date.")
OTHER_PERSON = gettext_noop("This plan is not one of this job seeker's plans.")
NOT_OFFERED = gettext_noop("Choose one of the values offered.")
NO_SUCH_PLAN = gettext_noop("No such plan.")
NO_SUCH_VERSION = gettext_noop("No such version of the plan.")
TEXT_MAX = 4000
TOO_LONG = gettext_noop("The text may be at most %(n)s characters long.")


class Refused(Exception):
    """Input refused: `problems`, each a field (or None) and a `Message`."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(self.texts()))

    def texts(self, lang: str | None = None) -> list[str]:
        lang = lang or translation.get_language() or "fi"
        return [p.message.render(lang) for p in self.problems]

    def by_field(self, lang: str | None = None) -> dict[str | None, list[str]]:
        lang = lang or translation.get_language() or "fi"
        out: dict[str | None, list[str]] = {}
        for p in self.problems:
            out.setdefault(p.field, []).append(p.message.render(lang))
        return out


def _refuse(field: str | None, msgid: str, **args) -> Refused:
    return Refused([Problem(field, Message(msgid, args))])


def _choice(value, choices, field: str) -> list[Problem]:
    return [] if value in choices.values else [Problem(field, Message(NOT_OFFERED))]


def _texts(fields: dict) -> list[Problem]:
    return [
        Problem(f, Message(TOO_LONG, {"n": TEXT_MAX})) for f, v in fields.items() if len(v or "") > TEXT_MAX
    ]


def _content_problems(steps: list[dict], services: list[dict], texts: dict) -> list[Problem]:
    problems = _texts(texts)
    for i, step in enumerate(steps):
        problems += _choice(step.get("responsible"), Responsible, f"steps.{i}.responsible")
        problems += _texts({f"steps.{i}.text": step.get("text")})
    for i, service in enumerate(services):
        problems += _choice(service.get("kind"), ServiceKind, f"services.{i}.kind")
    return problems


def _municipality(user, person: Person, agreed_on: dt.date, today: dt.date):
    if not can(user, "plans.record", person, today):
        raise _refuse(None, NOT_YOURS)
    row = customerships.municipal_customership(person, agreed_on)
    if row is None or row.municipality is None:
        raise _refuse("agreed_on", NOT_A_CUSTOMER)
    return row.municipality


def create_plan(
    user, person: Person, kind: str, *, today: dt.date, params: ParameterStore | None = None, **content
) -> PlanVersion:
    """A new plan of `kind` for the person with its first version (`content` as `add_version`'s)."""
    if kind not in Kind.values:
        raise _refuse("kind", NOT_OFFERED)
    municipality = _municipality(user, person, content["agreed_on"], today)
    with transaction.atomic():
        plan = Plan.objects.create(
            person=person, kind=kind, municipality=municipality, created_by=_actor(user)
        )
        return add_version(user, person, plan, today=today, params=params, **content)


def add_version(
    user,
    person: Person,
    plan: Plan,
    *,
    today: dt.date,
    agreed_on: dt.date,
    goals: str,
    steps: list[dict],
    services: list[dict] = (),  # type: ignore[assignment]
    job_search_obligation: str = "",
    notes: str = "",
    extension_months: int = 0,
    params: ParameterStore | None = None,
) -> PlanVersion:
    """A new version of the person's `plan`: its content, steps and services, the review date computed by
    `rules.review`. Nothing of an older version is copied or changed."""
    if plan.person_id != person.pk:
        raise _refuse("plan", OTHER_PERSON)
    _municipality(user, person, agreed_on, today)
    params = params or default_store()
    steps, services = list(steps), list(services)
    problems = _content_problems(
        steps, services, {"goals": goals, "job_search_obligation": job_search_obligation, "notes": notes}
    )
    if problems:
        raise Refused(problems)
    with transaction.atomic():
        Plan.objects.select_for_update().filter(pk=plan.pk).first()  # two versions at once get two numbers
        dates = list(
            PlanVersion.objects.filter(plan=plan).order_by("number").values_list("agreed_on", flat=True)
        )
        problems = rules.check_version(
            plan.kind,
            agreed_on,
            today=today,
            goals=goals,
            obligation=job_search_obligation,
            steps=steps,
            services=services,
            params=params,
            latest_agreed_on=dates[-1] if dates else None,
            first_agreed_on=dates[0] if dates else None,
            extension_months=extension_months,
        )
        if problems:
            raise Refused(problems)
        review = rules.review(
            plan.kind,
            agreed_on,
            params,
            first_agreed_on=dates[0] if dates else None,
            extension_months=extension_months,
        )
        number = (PlanVersion.objects.filter(plan=plan).aggregate(n=Max("number"))["n"] or 0) + 1
        version = PlanVersion.objects.create(
            plan=plan,
            number=number,
            agreed_on=agreed_on,
            review_by=review.date,
            review_reference=review.reference[:300],
            goals=goals.strip(),
            job_search_obligation=job_search_obligation.strip(),
            notes=notes.strip(),
            extension_months=extension_months,
            recorded_by=_actor(user),
        )
        PlanStep.objects.bulk_create(
            PlanStep(
                version=version,
                position=i,
                text=s["text"].strip(),
                due_on=s["due_on"],
                responsible=s["responsible"],
            )
            for i, s in enumerate(steps, start=1)
        )
        PlanService.objects.bulk_create(
            PlanService(
                version=version,
                position=i,
                kind=s["kind"],
                starts_on=s["starts_on"],
                ends_on=s.get("ends_on"),
            )
            for i, s in enumerate(services, start=1)
        )
        return version


def record_approval(
    user,
    person: Person,
    version: PlanVersion,
    *,
    today: dt.date,
    party: str,
    approved_on: dt.date,
    channel: str,
) -> PlanApproval:
    """A party's approval of the version (JTYPL 2:12), once per party."""
    if version.plan.person_id != person.pk:
        raise _refuse("plan", OTHER_PERSON)
    if not can(user, "plans.record", person, today):
        raise _refuse(None, NOT_YOURS)
    problems = _choice(party, Party, "party") + _choice(channel, ApprovalChannel, "channel")
    if problems:
        raise Refused(problems)
    with transaction.atomic():
        PlanVersion.objects.select_for_update().filter(pk=version.pk).first()
        already = PlanApproval.objects.filter(version=version, party=party).exists()
        problems = rules.check_approval(version.agreed_on, approved_on, today=today, already=already)
        if problems:
            raise Refused(problems)
        return PlanApproval.objects.create(
            version=version, party=party, approved_on=approved_on, channel=channel, recorded_by=_actor(user)
        )


def _actor(user):
    return user if getattr(user, "is_authenticated", False) else None
