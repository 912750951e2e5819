"""A plan version as a `Letter` (R-SP-5), in the job seeker's service language (fi or sv), rendered by the
letters app to the printable page and to PDF.

The letter holds the municipality as sender, the plan's date, the job seeker, the reference (plan and
version), the title of the plan's kind, the goals, the job-search obligation, the agreed steps with their
due dates and who is responsible, the services agreed, the review date and why, the parties' approvals, and
the Acts as legal references. A plan is agreed between the job seeker and the municipality; it decides no
claim and no one can appeal against it (a decision that follows from not keeping it — e.g. a labour-policy
statement to Kela — carries its own remedy), so it carries no appeal instructions.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext_noop

from kuntakokeilu.letters.letter import Letter, Section
from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.parameters import ParameterStore, default_store

from . import queries, rules
from .models import ApprovalChannel, Party, PlanVersion, Responsible, ServiceKind

TITLES = {
    "employment": gettext_noop("Employment plan"),
    "typ": gettext_noop("Multi-sector employment plan"),
    "activation": gettext_noop("Activation plan"),
    "integration": gettext_noop("Integration plan"),
}
ACTS = {
    "employment": (gettext_noop("Act on public employment and business services (916/2012), chapter 2"),),
    "typ": (gettext_noop("Act on multi-sector joint service promoting employment (1369/2014)"),),
    "activation": (gettext_noop("Act on rehabilitative work activity (189/2001)"),),
    "integration": (gettext_noop("Act on the promotion of integration (1386/2010)"),),
}
PILOT_ACT = gettext_noop("Act on municipal pilots for promoting employment (1269/2020), section 9")
VERSION = gettext_noop("Version %(n)s, agreed on %(agreed)s")
GOALS = gettext_noop("Goals")
OBLIGATION = gettext_noop("Job-search obligation")
STEPS = gettext_noop("Agreed steps")
STEP = gettext_noop("by %(due)s: %(text)s (responsible: %(who)s)")
SERVICES = gettext_noop("Services agreed")
SERVICE_FROM = gettext_noop("%(service)s from %(start)s")
SERVICE_FROM_TO = gettext_noop("%(service)s from %(start)s to %(end)s")
NOTES = gettext_noop("Other notes")
REVIEW = gettext_noop("Review of the plan")
APPROVALS = gettext_noop("Approvals")
APPROVED = gettext_noop("%(party)s: %(how)s on %(date)s")
NOT_APPROVED = gettext_noop("%(party)s: not yet approved")
NOT_AN_APPEALABLE_DECISION = gettext_noop(
    "The plan is agreed between the job seeker and the municipality. It is not a decision, and it cannot be "
    "appealed against."
)


def _label(choices, value: str, lang: str) -> str:
    with translation.override(lang):
        return str(choices(value).label)


def letter(version: PlanVersion, lang: str | None = None, params: ParameterStore | None = None) -> Letter:
    """The plan version as a letter in `lang` (default: the job seeker's service language)."""
    plan = version.plan
    person = plan.person
    lang = lang or person.service_language or "fi"

    def say(msgid: str, **args) -> str:
        return Message(msgid, args).render(lang)

    sections = [
        Section(heading=say(GOALS), paragraphs=tuple(p for p in version.goals.splitlines() if p.strip()))
    ]
    if version.job_search_obligation:
        sections.append(Section(heading=say(OBLIGATION), paragraphs=(version.job_search_obligation,)))
    steps = tuple(
        say(STEP, due=s.due_on, text=s.text, who=_label(Responsible, s.responsible, lang))
        for s in version.steps.all()
    )
    sections.append(Section(heading=say(STEPS), items=steps))
    services = tuple(
        say(SERVICE_FROM_TO, service=_label(ServiceKind, s.kind, lang), start=s.starts_on, end=s.ends_on)
        if s.ends_on
        else say(SERVICE_FROM, service=_label(ServiceKind, s.kind, lang), start=s.starts_on)
        for s in version.services.all()
    )
    if services:
        sections.append(Section(heading=say(SERVICES), items=services))
    if version.notes:
        sections.append(Section(heading=say(NOTES), paragraphs=(version.notes,)))
    first = plan.versions.order_by("number").values_list("agreed_on", flat=True).first()
    review = rules.review(
        plan.kind,
        version.agreed_on,
        params or default_store(),
        first_agreed_on=first,
        extension_months=version.extension_months,
    )
    sections.append(
        Section(
            heading=say(REVIEW), paragraphs=(review.message.render(lang), say(NOT_AN_APPEALABLE_DECISION))
        )
    )
    given = queries.approvals(version)
    lines = []
    for party in Party:
        row = given.get(party.value)
        who = _label(Party, party.value, lang)
        if row is None:
            lines.append(say(NOT_APPROVED, party=who))
        else:
            lines.append(
                say(APPROVED, party=who, how=_label(ApprovalChannel, row.channel, lang), date=row.approved_on)
            )
    sections.append(Section(heading=say(APPROVALS), items=tuple(lines)))
    names = plan.municipality.names()
    return Letter(
        language=lang,
        title=say(TITLES[plan.kind]),
        sender=names.get(lang) or names["fi"],
        date=version.agreed_on,
        recipient=person.full_name,
        reference=f"{plan.pk}-{version.number}",
        subtitle=say(VERSION, n=version.number, agreed=version.agreed_on),
        sections=tuple(sections),
        legal_references=tuple(say(a) for a in (*ACTS[plan.kind], PILOT_ACT)),
    )
