"""A benefit decision as a `Letter` (R-BEN-1, issue 18 item 2), in the person's service language (fi or sv),
built once at acceptance (`services.accept`) and stored unchanged with its PDF (`DecisionLetter`).

The letter holds the decision (the benefit, percentage, amount and period; for a cancellation or correction
the decision it replaces and the reason), the grounds (the template's opening, then the rule's explanation on
the decision date in the letter's language), the legal references of the parameters the rule used, the
instructions for seeking a remedy from the editable template (a request for rectification to the trial
municipality, law notes §7.2; for the discretionary expense compensation an appeal lodged with it, §4.5)
and the signatures of the approver and the preparer. A decision on a claim gives a remedy, so every
decision letter carries its instructions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext_noop

from kuntakokeilu.letters.letter import Appeal, Letter, Section
from kuntakokeilu.rules.citations import cite
from kuntakokeilu.rules.messages import format_date
from kuntakokeilu.rules.outcome import Outcome

from .models import Decision, Instrument, Kind, LetterTemplate

TITLE = gettext_noop("Decision: %(benefit)s")
TITLE_CANCELLATION = gettext_noop("Cancellation of a decision: %(benefit)s")
TITLE_CORRECTION = gettext_noop("Correction of a decision: %(benefit)s")
GROUNDS = gettext_noop("Grounds")
GRANTED_PERCENT = gettext_noop(
    "%(benefit)s is granted at %(percent)s per cent for %(start)s–%(end)s, at most %(amount)s euros in all."
)
GRANTED = gettext_noop("%(benefit)s is granted for %(start)s–%(end)s, at most %(amount)s euros in all.")
AGREED = gettext_noop("%(benefit)s is agreed for %(start)s–%(end)s.")
CANCELLED = gettext_noop("The decision %(number)s of %(date)s is cancelled.")
CORRECTED = gettext_noop("This decision corrects the decision %(number)s of %(date)s, which it replaces.")
REASON = gettext_noop("Reason: %(reason)s")
APPROVER = gettext_noop("Accepted by: %(name)s")
PREPARER = gettext_noop("Prepared by: %(name)s")


def _t(text: str, lang: str, **args) -> str:
    with translation.override(lang):
        return translation.gettext(text) % args if args else translation.gettext(text)


def _section(lang: str) -> str:
    with translation.override(lang):
        return translation.pgettext("letter section", "Decision")  # another app's "Decision" is a ruling


def _euros(amount: Decimal | None) -> str:
    return f"{amount:.2f}".replace(".", ",") if amount is not None else ""


def _name(user) -> str:
    return f"{user.first_name} {user.last_name}".strip() or user.get_username()


def build(decision: Decision, outcome: Outcome, template: LetterTemplate, lang: str) -> Letter:
    """The decision's letter in `lang` (its outcome as stored on its date, the template's texts)."""
    with translation.override(lang):
        benefit = str(Instrument(decision.instrument).label)
    title = {Kind.CANCELLATION: TITLE_CANCELLATION, Kind.CORRECTION: TITLE_CORRECTION}.get(
        decision.kind, TITLE
    )
    lines = []
    old = decision.replaces
    if decision.kind == Kind.CANCELLATION and old is not None:
        lines.append(_t(CANCELLED, lang, number=old.diary_number, date=format_date(old.decision_date, lang)))
    else:
        if old is not None:
            lines.append(
                _t(CORRECTED, lang, number=old.diary_number, date=format_date(old.decision_date, lang))
            )
        args = {
            "benefit": benefit[:1].upper() + benefit[1:],
            "start": format_date(decision.start, lang) if decision.start else "",
            "end": format_date(decision.end, lang) if decision.end else "",
            "amount": _euros(decision.amount),
        }
        if decision.percent is not None:
            lines.append(_t(GRANTED_PERCENT, lang, percent=decision.percent, **args))
        elif decision.amount is None:
            lines.append(_t(AGREED, lang, **args))
        else:
            lines.append(_t(GRANTED, lang, **args))
    if decision.reason:
        lines.append(_t(REASON, lang, reason=decision.reason))
    grounds = tuple(check.message.render(lang) for check in outcome.checks)
    references = []
    for check in outcome.checks:
        for use in check.parameters:
            text = cite(use.reference, lang)
            if text not in references:
                references.append(text)
    sender = decision.municipality.names()
    return Letter(
        language=lang,
        title=_t(title, lang, benefit=benefit),
        sender=sender.get(lang) or sender["fi"],
        date=decision.approved_on or decision.decision_date,
        recipient=decision.person.full_name,
        reference=decision.diary_number,
        sections=(
            Section(heading=_section(lang), paragraphs=tuple(lines)),
            Section(heading=_t(GROUNDS, lang), paragraphs=(template.grounds_intro,), items=grounds),
        ),
        legal_references=tuple(references),
        appeal=Appeal(paragraphs=(template.appeal_text,), heading=template.appeal_heading),
        signature=tuple(
            _t(text, lang, name=_name(user))
            for text, user in ((APPROVER, decision.approved_by), (PREPARER, decision.prepared_by))
            if user is not None
        ),
    )


def to_json(letter: Letter) -> dict:
    """The letter's content as stored (dates as ISO)."""
    data = dataclasses.asdict(letter)
    data["date"] = letter.date.isoformat()
    return data


def from_json(data: dict) -> Letter:
    """The stored letter back as a `Letter` (to show it as a page, never to render a new PDF)."""
    appeal = data.get("appeal")
    return Letter(
        language=data["language"],
        title=data["title"],
        sender=data["sender"],
        date=dt.date.fromisoformat(data["date"]),
        recipient=data["recipient"],
        reference=data["reference"],
        subtitle=data["subtitle"],
        sections=tuple(
            Section(heading=s["heading"], paragraphs=tuple(s["paragraphs"]), items=tuple(s["items"]))
            for s in data["sections"]
        ),
        legal_references=tuple(data["legal_references"]),
        appeal=Appeal(paragraphs=tuple(appeal["paragraphs"]), heading=appeal["heading"]) if appeal else None,
        signature=tuple(data["signature"]),
    )
