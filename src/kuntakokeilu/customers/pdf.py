"""A transfer notice as a printable PDF letter (R-TG-7), rendered on demand from the stored notice data.

The letter is in the notice's own language (fi or sv; the person's service language, or the receiving
organisation's): sender, date, recipient, title and the sentences of `notices.render` (ground, reason
and acceptance where given, the plan sentence). The output is deterministic: reportlab's `invariant`
mode writes no creation time or random document id, so the same notice gives the same bytes.

The sender is the authority that makes the transfer (law notes §2.3): the trial municipality for its
customer's kotikunta change (L1269 s. 5 mom 1), otherwise the TE office — the one now responsible, or
the TE office of the municipality's area on the transfer date.
"""

from __future__ import annotations

import datetime as dt
import io
from xml.sax.saxutils import escape

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from kuntakokeilu.regions.models import Municipality, TeOffice
from kuntakokeilu.regions.queries import te_office_of
from kuntakokeilu.rules.messages import Message, format_date

from . import notices
from .models import Ground, Notice, NoticeRecipient, Responsible

# The label texts (also translated for the printed page); gettext_noop keeps them in the catalogue.
SENDER = gettext_noop("Sender")
RECIPIENT = gettext_noop("Recipient")
DATE = gettext_noop("Date")
REFERENCE = gettext_noop("Reference")


def _names(org: dict | None, on: dt.date) -> dict[str, str] | None:
    """The names {"fi", "sv", …} of an organisation given as codes, or None for no one / Åland."""
    if org is None:
        return None
    if org["type"] == Responsible.MUNICIPALITY:
        return Municipality.objects.get(code=org["kunta_code"]).names()
    if org["type"] == Responsible.TE_OFFICE:
        return TeOffice.objects.get(code=org["te_office_code"]).names()
    return None


def sender(notice: Notice) -> dict[str, str] | None:
    """The names of the authority that makes the transfer (see the module's docstring)."""
    d = notice.data
    on = dt.date.fromisoformat(d["valid_from"])
    origin, target = d["from"], d["to"]
    if (
        d["ground"] == Ground.CHANGE_OF_KOTIKUNTA
        and origin is not None
        and origin["type"] == Responsible.MUNICIPALITY
    ):
        return _names(origin, on)
    for org in (target, origin):
        if org is not None and org["type"] == Responsible.TE_OFFICE:
            return _names(org, on)
    for org in (target, origin):
        if org is not None and org["type"] == Responsible.MUNICIPALITY:
            office = te_office_of(org["kunta_code"], on)
            if office is not None:
                return office.names()
    return None


def _recipient(notice: Notice, lang: str) -> str:
    if notice.recipient == NoticeRecipient.PERSON:
        return notice.customership.person.full_name
    target = notice.data["to"]
    names = _names(target, dt.date.fromisoformat(notice.data["valid_from"]))
    if names is not None:
        return names.get(lang) or names["fi"]
    return Message(
        notices.ALAND if target and target["type"] == Responsible.ALAND else notices.NO_ONE
    ).render(lang)


def letter(notice: Notice, lang: str | None = None) -> dict:
    """The letter's parts as text in `lang` (default: the notice's language)."""
    lang = lang or notice.language
    text = notices.render(notice, lang)
    names = sender(notice)
    with translation.override(lang):
        return {
            "lang": lang,
            "title": text["title"],
            "lines": text["lines"],
            "header": [
                (_(SENDER), (names.get(lang) or names["fi"]) if names else ""),
                (_(DATE), format_date(dt.date.fromisoformat(notice.data["valid_from"]), lang)),
                (_(RECIPIENT), _recipient(notice, lang)),
                (_(REFERENCE), f"{notice.customership_id}-{notice.pk}"),
            ],
        }


def render_pdf(notice: Notice, lang: str | None = None, *, compress: bool = True) -> bytes:
    """The notice as an A4 PDF; the same notice and language always give the same bytes."""
    parts = letter(notice, lang)
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], fontSize=11, leading=15, spaceAfter=8)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=25 * mm,
        rightMargin=20 * mm,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        title=parts["title"],
        author=parts["header"][0][1],
        subject=parts["title"],
        creator="Kuntakokeilu",
        lang=parts["lang"],
        invariant=1,
        pageCompression=1 if compress else 0,
    )
    header = Table(
        [
            [Paragraph(f"<b>{escape(label)}</b>", body), Paragraph(escape(value), body)]
            for label, value in parts["header"]
            if value
        ],
        colWidths=[35 * mm, None],
        hAlign="LEFT",
    )
    header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story = [header, Spacer(1, 10 * mm), Paragraph(escape(parts["title"]), styles["Heading1"])]
    story += [Paragraph(escape(line), body) for line in parts["lines"]]
    document.build(story)
    return buffer.getvalue()
