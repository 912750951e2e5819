"""The written reminder, the labour-policy statement and the notice to the TE office as `Letter`s, built on
demand in a language (the reminder's own; the person's service language for a statement or a notice) and
rendered by the letters app to the printable page and to PDF. None of them decides a claim: no appeal
instructions (the sanction, if any, is decided by the TE office, whose decision carries its own)."""

from __future__ import annotations

import datetime as dt

from django.utils import translation
from django.utils.translation import gettext as _

from kuntakokeilu.letters.letter import Letter, Section
from kuntakokeilu.rules.citations import cite
from kuntakokeilu.rules.messages import Message, format_date
from kuntakokeilu.rules.outcome import Outcome

from . import explanations as msg
from .models import BenefitEvent, Recipient, Reminder, Statement, TeOfficeNotice


def _lang(person, lang: str | None) -> str:
    if lang in ("fi", "sv", "en"):
        return lang
    return person.service_language if person.service_language in ("fi", "sv") else "fi"


def _name(place, lang: str) -> str:
    names = place.names()
    return names.get(lang) or names["fi"]


def fact_lines(event: BenefitEvent, lang: str) -> list[str]:
    """The facts the decider needs, in words (only the facts with a label; never a code)."""
    with translation.override(lang):
        lines = [
            _("Event: %(kind)s") % {"kind": event.get_kind_display()},
            _("Date of the event: %(date)s") % {"date": format_date(event.date, lang)},
            _("Job seeker: %(name)s") % {"name": event.person.full_name},
        ]
        facts = event.facts
        if facts.get("initial_interview"):
            day = dt.date.fromisoformat(facts["initial_interview"])
            lines.append(_("Initial interview: %(date)s") % {"date": format_date(day, lang)})
        if facts.get("information_complete"):
            day = dt.date.fromisoformat(facts["information_complete"])
            lines.append(_("Complete information received: %(date)s") % {"date": format_date(day, lang)})
        if facts.get("service"):
            lines.append(_("Service: %(service)s") % {"service": facts["service"]})
        if facts.get("plan_agreed_on"):  # s. 12: the service's inclusion in the plan
            day = dt.date.fromisoformat(facts["plan_agreed_on"])
            args = {"date": format_date(day, lang), "number": facts.get("plan_version")}
            lines.append(_("Agreed in the plan of %(date)s (version %(number)s)") % args)
        if facts.get("description"):
            lines.append(_("Description: %(text)s") % {"text": facts["description"]})
    return lines


def explanation(record: dict, lang: str) -> list[str]:
    """A stored outcome record's explanation in `lang`."""
    return Outcome.from_record(record).explanation(lang)


def reminder_letter(reminder: Reminder, lang: str | None = None) -> Letter:
    event = reminder.event
    lang = lang if lang in ("fi", "sv", "en") else reminder.language
    with translation.override(lang):
        body = (
            _("On %(date)s the following was recorded: %(event)s.")
            % {"date": format_date(event.date, lang), "event": event.get_kind_display().lower()},
            _(
                "This is a written reminder. A first failure in the job-search process leads only to this "
                "reminder. A further failure within 12 months may affect your unemployment benefit: the TE "
                "office decides on it."
            ),
            _("Contact your case worker to agree on how your job search goes on."),
        )
        return Letter(
            language=lang,
            title=_("Written reminder"),
            sender=_name(event.municipality, lang),
            date=reminder.letter_date,
            recipient=event.person.full_name,
            reference=f"M-{reminder.pk}",
            sections=(Section(paragraphs=body),),
            legal_references=(cite("JTYPL 2:15 (1379/2021)", lang), cite("TTL 2 a:9 (1380/2021)", lang)),
        )


def statement_letter(statement: Statement, lang: str | None = None) -> Letter:
    event = statement.event
    lang = _lang(event.person, lang)
    with translation.override(lang):
        if statement.recipient == Recipient.FUND:
            recipient = statement.fund_name
        else:
            recipient = str(Recipient.KELA.label)
        sections = [
            Section(heading=_("Facts"), items=tuple(fact_lines(event, lang))),
            Section(
                paragraphs=(
                    _("The statement is due by %(date)s (7 calendar days from the complete information).")
                    % {"date": format_date(statement.due_by, lang)},
                )
            ),
        ]
        if statement.text:
            sections.insert(1, Section(heading=_("Statement"), paragraphs=(statement.text,)))
        return Letter(
            language=lang,
            title=_("Labour-policy statement"),
            subtitle=Message(msg.SUBJECTS[statement.subject]).render(lang),
            sender=_name(event.municipality, lang),
            date=statement.sent_on or statement.event_date,
            recipient=recipient,
            reference=f"L-{statement.pk}",
            sections=tuple(sections),
            legal_references=tuple(cite(r, lang) for r in (statement.reference, "A153/2021 s. 1") if r),
        )


def notice_letter(notice: TeOfficeNotice, lang: str | None = None) -> Letter:
    event = notice.event
    lang = _lang(event.person, lang)
    with translation.override(lang):
        ladder = explanation(event.ladder, lang)
        sections = [Section(heading=_("Facts"), items=tuple(fact_lines(event, lang)))]
        if notice.text:
            sections.append(Section(heading=_("Notice"), paragraphs=(notice.text,)))
        sections.append(
            Section(
                heading=_("The sanction ladder (information only; the TE office decides)"),
                paragraphs=tuple(ladder),
            )
        )
        return Letter(
            language=lang,
            title=_("Notice to the TE office"),
            sender=_name(event.municipality, lang),
            date=notice.sent_on or notice.event_date,
            recipient=_name(notice.handler_te_office, lang) if notice.handler_te_office else "",
            reference=f"I-{notice.pk}",
            sections=tuple(sections),
            legal_references=(cite(notice.reference, lang),),
        )
