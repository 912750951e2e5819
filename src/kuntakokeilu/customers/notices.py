"""Transfer notices (R-TG-7; L1269 s. 5, s. 24; law notes §2.3): each transfer is notified to the person,
in their service language (fi or sv), and to the receiving organisation.

A notice is stored as data: codes, dates and parties (`notice_data`), never rendered text. `render`
turns it into the printed notice's sentences in any language; the message ids below are English source
texts translated in customers/locale. The receiving organisation's notice is in Swedish for a
Swedish-speaking or Swedish-majority municipality, otherwise in Finnish (an assumption: the Language Act
423/2003 s. 10 lets an authority use its own majority language with another authority).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from django.utils.translation import gettext_noop as _

from kuntakokeilu.regions.models import EmploymentArea, LanguageStatus, Municipality, TeOffice
from kuntakokeilu.rules.messages import Message

from .models import Customership, Ground, Notice, NoticeRecipient, Responsible

TITLE = _("Notice of a change in the responsibility for employment services")
TO_PERSON = _("From %(from)s your employment services are provided by %(to)s.")
PREVIOUSLY = _("Until %(until)s they were provided by %(previous)s.")
TO_ORGANISATION = _(
    "From %(from)s %(to)s is responsible for the employment services of the job seeker %(person)s."
)
# To the trial municipality that loses its customer on the person's request (L1269 s. 5 mom 6 as amended by
# L421/2021, later mom 8: the TE office notifies the customer, the home municipality and the receiver).
TO_PREVIOUS = _(
    "From %(from)s the job seeker %(person)s is no longer your customer: %(to)s is responsible for their "
    "employment services."
)
GROUND = _("Ground: %(ground)s.")
REASON = _("The person asked for the transfer %(reason)s.")
ACCEPTED = _("The receiving municipality accepted the transfer on %(on)s.")
PLAN = _(
    "An employment plan in force stays binding until it is reviewed; report its progress to the "
    "organisation now responsible."
)
# The pilot's end (L1269 s. 25 as amended by L421/2021, law notes §7.3): the plan binds the customer and
# the TE office until the TE office reviews it.
PLAN_PILOT_ENDED = _(
    "The pilot has ended. An employment plan in force binds the job seeker and the TE office until the TE "
    "office reviews it; report its progress to the TE office."
)
# The pilot's end into the employment areas (issue 14): the TE offices ceased on 31.12.2024 and from 1.1.2025
# the municipalities' employment areas organise the public employment services (Act 380/2023, law notes
# §7.3); matters pending with a trial municipality pass to the new employment authority (V383 s. 7), and the
# plan in force binds the job seeker and the authority until it reviews it (L421 s. 25, the TE office's task
# now the employment authority's).
PLAN_EMPLOYMENT_AREA = _(
    "The pilot has ended and the TE offices have ceased: from 1 January 2025 the employment area of the job "
    "seeker's home municipality organises the public employment services (Act 380/2023). Matters pending "
    "with the trial municipality pass to the employment area, and an employment plan in force binds the job "
    "seeker and the employment area until the employment area reviews it; report its progress to the "
    "employment area."
)
# The end of a customership with the job search (L1269 s. 6, law notes §2.4): its own notice, to the person
# and to the organisation whose customer the person was (no one receives the person). A restart during the
# pilot continues with the trial municipality (s. 6 mom 2) — said only where a municipality was responsible.
TITLE_ENDED = _("Notice of the end of a customership")
ENDED_TO_PERSON = _(
    "Your job search ended on %(until)s, and with it your customership with %(previous)s (Act 1269/2020, "
    "section 6)."
)
ENDED_RESTART = _(
    "If you start a job search again while the pilot runs, your customership continues with %(previous)s, "
    "even if you no longer belong to the pilot's target group (section 6, subsection 2)."
)
ENDED_TO_ORGANISATION = _(
    "The job search of %(person)s ended on %(until)s; their customership with %(previous)s ended with it."
)
ALAND = _("Åland's own employment services")
NO_ONE = _("no one (the job search has ended)")

# The grounds' texts (the same msgids as the model's labels, so one translation serves both).
GROUNDS = {
    "initial_transfer": _("initial transfer at the pilot's start"),
    "new_registration": _("new registration as a job seeker"),
    "change_of_facts": _("change of facts"),
    "change_of_kotikunta": _("change of kotikunta"),
    "request_to_te_office": _("transfer to the TE office on the person's request"),
    "request_to_municipality": _("transfer to another trial municipality on the person's request"),
    "change_security_return": _("return to the TE office under change security"),
    "job_search_ended": _("end of the job search"),
    "pilot_ended": _("end of the pilot"),
    "law_widened": _("the law widened the target group"),
}
REASONS = {
    "linguistic_rights": _("to protect linguistic rights"),
    "inappropriate_relationship": _("to avoid an inappropriate customer relationship"),
    "safety": _("a justified safety-related reason"),
}
SWEDISH = (LanguageStatus.SWEDISH, LanguageStatus.BILINGUAL_SV)


def organisation(customership: Customership | None) -> dict | None:
    """The responsible organisation as codes: {"type", "kunta_code", "te_office_code"}."""
    if customership is None:
        return None
    return {
        "type": customership.responsible,
        "kunta_code": customership.municipality.code if customership.municipality_id else None,
        "te_office_code": customership.te_office.code if customership.te_office_id else None,
        **({"area_code": customership.employment_area.code} if customership.employment_area_id else {}),
    }


def notice_data(customership: Customership, previous: Customership | None) -> dict:
    return {
        "person": str(customership.person_id),
        "from": organisation(previous),
        "to": organisation(customership),
        "valid_from": customership.valid_from.isoformat(),
        "previous_until": previous.valid_to.isoformat() if previous and previous.valid_to else None,
        "ground": customership.ground,
        "request_reason": customership.request_reason or None,
        "accepted_on": customership.accepted_on.isoformat() if customership.accepted_on else None,
    }


def _organisation_language(customership: Customership) -> str:
    if customership.municipality_id and customership.municipality.language_status in SWEDISH:
        return "sv"
    return "fi"


def _addressee(customership: Customership, previous: Customership | None) -> Customership:
    """The organisation notified: the receiving one; at the end of the job search (no one receives) the
    one whose customer the person was."""
    if customership.ground == Ground.JOB_SEARCH_ENDED and previous is not None:
        return previous
    return customership


class NoticeRow(NamedTuple):
    """A notice's stored values without a model instance (the batch paths write many with `bulk.insert`)."""

    customership_id: int
    recipient: str
    language: str
    data: dict


def rows(customership: Customership, previous: Customership | None) -> list[NoticeRow]:
    """The notices of a transfer: to the person in their service language, to the receiving organisation
    in its language, and on a move on request to the trial municipality that loses the customer; all hold
    the same data."""
    data = notice_data(customership, previous)
    losing = []
    if (
        customership.ground in (Ground.REQUEST_TO_TE_OFFICE, Ground.REQUEST_TO_MUNICIPALITY)
        and previous is not None
        and previous.responsible == Responsible.MUNICIPALITY
    ):
        losing = [
            NoticeRow(customership.pk, NoticeRecipient.PREVIOUS, _organisation_language(previous), data)
        ]
    return [
        NoticeRow(customership.pk, NoticeRecipient.PERSON, customership.person.service_language, data),
        NoticeRow(
            customership.pk,
            NoticeRecipient.ORGANISATION,
            _organisation_language(_addressee(customership, previous)),
            data,
        ),
        *losing,
    ]


def build(customership: Customership, previous: Customership | None) -> list[Notice]:
    """The two notices of a transfer, unsaved."""
    return [
        Notice(customership=customership, recipient=r.recipient, language=r.language, data=r.data)
        for r in rows(customership, previous)
    ]


def issue(customership: Customership, previous: Customership | None) -> list[Notice]:
    return Notice.objects.bulk_create(build(customership, previous))


def _name(org: dict | None):
    """An organisation's name as a message argument ({"fi", "sv"} or a message)."""
    if org is None or org["type"] == Responsible.NONE:
        return Message(NO_ONE)
    if org["type"] == Responsible.MUNICIPALITY:
        return Municipality.objects.get(code=org["kunta_code"]).names()
    if org["type"] == Responsible.TE_OFFICE:
        return TeOffice.objects.get(code=org["te_office_code"]).names()
    if org["type"] == Responsible.EMPLOYMENT_AREA:
        return EmploymentArea.objects.get(code=org["area_code"]).names()
    return Message(ALAND)


def sentences(notice: Notice, person_name: str) -> list[Message]:
    """The notice's text as messages, rendered with `.render(lang)` in the language asked for."""
    d = notice.data
    if is_end(notice):
        return _ended(notice, person_name)
    start = dt.date.fromisoformat(d["valid_from"])
    lines = []
    if notice.recipient == NoticeRecipient.PERSON:
        lines.append(Message(TO_PERSON, {"from": start, "to": _name(d["to"])}))
        if d["previous_until"]:
            until = dt.date.fromisoformat(d["previous_until"])
            lines.append(Message(PREVIOUSLY, {"until": until, "previous": _name(d["from"])}))
    else:
        args = {"from": start, "to": _name(d["to"]), "person": person_name}
        lines.append(
            Message(TO_PREVIOUS if notice.recipient == NoticeRecipient.PREVIOUS else TO_ORGANISATION, args)
        )
    lines.append(Message(GROUND, {"ground": Message(GROUNDS[d["ground"]])}))
    if d["request_reason"]:
        lines.append(Message(REASON, {"reason": Message(REASONS[d["request_reason"]])}))
    if d["accepted_on"]:
        lines.append(Message(ACCEPTED, {"on": dt.date.fromisoformat(d["accepted_on"])}))
    lines.append(Message(_plan(d)))
    return lines


def _plan(d: dict) -> str:
    """The plan sentence: at the pilot's end to the TE office or (from 1.1.2025) to the employment area."""
    if d["ground"] != "pilot_ended":
        return PLAN
    to = d["to"] or {}
    return PLAN_EMPLOYMENT_AREA if to.get("type") == Responsible.EMPLOYMENT_AREA else PLAN_PILOT_ENDED


def is_end(notice: Notice) -> bool:
    """A notice of the end of a customership (the job search ended; someone was responsible before)."""
    return notice.data["ground"] == Ground.JOB_SEARCH_ENDED and notice.data["from"] is not None


def _ended(notice: Notice, person_name: str) -> list[Message]:
    d = notice.data
    until = dt.date.fromisoformat(d["previous_until"] or d["valid_from"])
    previous = _name(d["from"])
    if notice.recipient == NoticeRecipient.PERSON:
        lines = [Message(ENDED_TO_PERSON, {"until": until, "previous": previous})]
        if d["from"]["type"] == Responsible.MUNICIPALITY:
            lines.append(Message(ENDED_RESTART, {"previous": previous}))
        return lines
    return [Message(ENDED_TO_ORGANISATION, {"person": person_name, "until": until, "previous": previous})]


def render(notice: Notice, lang: str | None = None) -> dict:
    """The printed notice: title and sentences in `lang` (default: the notice's own language)."""
    lang = lang or notice.language
    person = notice.customership.person
    return {
        "lang": lang,
        "title": Message(TITLE_ENDED if is_end(notice) else TITLE).render(lang),
        "lines": [m.render(lang) for m in sentences(notice, person.full_name)],
    }
