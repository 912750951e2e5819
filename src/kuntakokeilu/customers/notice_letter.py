"""A stored transfer notice as a `Letter` (R-TG-7), built on demand in the notice's own language (fi or
sv; the person's service language, or the receiving organisation's) and rendered by the letters app to
the printable page and to PDF.

The letter holds sender, date, recipient, reference, title and the sentences of `notices.render` (ground,
reason and acceptance where given, the plan sentence), and the Act as its legal reference. A notice tells
of a transfer; it decides no claim, so it carries no appeal instructions (the TE office's decisions on a
request carry their own, L421 s. 17).

The sender is the authority that makes the transfer (law notes §2.3): the trial municipality for its
customer's kotikunta change (L1269 s. 5 mom 1), otherwise the TE office — the one now responsible, or
the TE office of the municipality's area on the transfer date. The notice of the end of a customership (the
job search ended, L1269 s. 6) comes from the organisation whose customer the person was, and is addressed to
it as the organisation notified.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_noop

from kuntakokeilu.letters.letter import Letter, Section
from kuntakokeilu.regions.models import EmploymentArea, Municipality, TeOffice
from kuntakokeilu.regions.queries import te_office_of
from kuntakokeilu.rules.messages import Message

from . import notices
from .models import Ground, Notice, NoticeRecipient, Responsible

ACT = gettext_noop("Act on municipal pilots for promoting employment (1269/2020)")
# issue 14: the pilot's end into the employment areas
ACT_380 = gettext_noop("Act on the organisation of public employment services (380/2023)")


def _names(org: dict | None) -> dict[str, str] | None:
    """The names {"fi", "sv", …} of an organisation given as codes, or None for no one / Åland."""
    if org is None:
        return None
    if org["type"] == Responsible.MUNICIPALITY:
        return Municipality.objects.get(code=org["kunta_code"]).names()
    if org["type"] == Responsible.TE_OFFICE:
        return TeOffice.objects.get(code=org["te_office_code"]).names()
    if org["type"] == Responsible.EMPLOYMENT_AREA:
        return EmploymentArea.objects.get(code=org["area_code"]).names()
    return None


def sender(notice: Notice) -> dict[str, str] | None:
    """The names of the authority that makes the transfer (see the module's docstring)."""
    d = notice.data
    on = dt.date.fromisoformat(d["valid_from"])
    origin, target = d["from"], d["to"]
    if notices.is_end(notice) and origin["type"] in (Responsible.MUNICIPALITY, Responsible.TE_OFFICE):
        return _names(origin)  # the end of a customership: the organisation whose customer the person was
    if (
        d["ground"] == Ground.CHANGE_OF_KOTIKUNTA
        and origin is not None
        and origin["type"] == Responsible.MUNICIPALITY
    ):
        return _names(origin)
    for org in (target, origin):
        if org is not None and org["type"] in (Responsible.TE_OFFICE, Responsible.EMPLOYMENT_AREA):
            return _names(org)  # the TE office, or from 1.1.2025 the employment area that receives
    for org in (target, origin):
        if org is not None and org["type"] == Responsible.MUNICIPALITY:
            office = te_office_of(org["kunta_code"], on)
            if office is not None:
                return office.names()
    return None


def _recipient(notice: Notice, lang: str) -> str:
    if notice.recipient == NoticeRecipient.PERSON:
        return notice.customership.person.full_name
    losing = notices.is_end(notice) or notice.recipient == NoticeRecipient.PREVIOUS
    target = notice.data["from"] if losing else notice.data["to"]
    names = _names(target)
    if names is not None:
        return names.get(lang) or names["fi"]
    return Message(
        notices.ALAND if target and target["type"] == Responsible.ALAND else notices.NO_ONE
    ).render(lang)


def letter(notice: Notice, lang: str | None = None) -> Letter:
    """The notice as a letter in `lang` (default: the notice's language)."""
    text = notices.render(notice, lang)
    lang = text["lang"]
    names = sender(notice)
    return Letter(
        language=lang,
        title=text["title"],
        sender=(names.get(lang) or names["fi"]) if names else "",
        date=dt.date.fromisoformat(notice.data["valid_from"]),
        recipient=_recipient(notice, lang),
        reference=f"{notice.customership_id}-{notice.pk}",
        sections=(Section(paragraphs=tuple(text["lines"])),),
        legal_references=tuple(Message(act).render(lang) for act in _acts(notice)),
    )


def _acts(notice: Notice) -> tuple[str, ...]:
    to = notice.data["to"] or {}
    if to.get("type") == Responsible.EMPLOYMENT_AREA:
        return (ACT, ACT_380)
    return (ACT,)
