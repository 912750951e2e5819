"""A `Letter` as an A4 PDF (reportlab platypus): the same parts in the same order as the HTML page.

Deterministic: reportlab's `invariant` mode writes no creation time or random document id, so the same
letter gives the same bytes. Text is in the bundled font (`fonts.py`), embedded, and selectable.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from . import fonts
from .labels import words
from .letter import Letter

MARGINS = {"leftMargin": 25 * mm, "rightMargin": 20 * mm, "topMargin": 20 * mm, "bottomMargin": 20 * mm}


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = fonts.register()
    body = ParagraphStyle("body", fontName=regular, fontSize=10.5, leading=14.5, spaceAfter=7)
    return {
        "body": body,
        "label": ParagraphStyle("label", parent=body, fontName=bold, spaceAfter=0),
        "value": ParagraphStyle("value", parent=body, spaceAfter=0),
        "title": ParagraphStyle(
            "title", parent=body, fontName=bold, fontSize=15, leading=19, spaceBefore=4, spaceAfter=6
        ),
        "subtitle": ParagraphStyle("subtitle", parent=body, fontSize=11.5, leading=15, spaceAfter=10),
        "heading": ParagraphStyle(
            "heading", parent=body, fontName=bold, fontSize=11.5, leading=15, spaceBefore=8, keepWithNext=1
        ),
        "item": ParagraphStyle(
            "item",
            parent=body,
            leftIndent=6 * mm,
            bulletIndent=1.5 * mm,
            bulletFontName=regular,
            spaceAfter=3,
        ),
    }


def _text(value: str) -> str:
    """Plain text as paragraph markup: escaped, line breaks kept."""
    return escape(value).replace("\n", "<br/>")


def _part(heading: str, paragraphs, items, styles) -> list:
    story = [Paragraph(_text(heading), styles["heading"])] if heading else []
    story += [Paragraph(_text(p), styles["body"]) for p in paragraphs]
    story += [Paragraph(_text(item), styles["item"], bulletText="•") for item in items]
    return story


def _footer(canvas, document) -> None:
    canvas.saveState()
    canvas.setFont(fonts.REGULAR, 8)
    canvas.drawRightString(A4[0] - MARGINS["rightMargin"], 10 * mm, str(canvas.getPageNumber()))
    canvas.restoreState()


def render_pdf(letter: Letter, *, compress: bool = True) -> bytes:
    """The letter as an A4 PDF; `compress=False` leaves the page streams readable (for tests)."""
    styles = _styles()
    labels = words(letter)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        **MARGINS,
        title=letter.title,
        author=letter.sender,
        subject=letter.subtitle or letter.title,
        creator="Kuntakokeilu",
        lang=letter.language,
        initialFontName=fonts.REGULAR,  # no base-14 font: every glyph comes from the bundled family
        initialFontSize=10.5,
        invariant=1,
        pageCompression=1 if compress else 0,
    )
    header = Table(
        [
            [Paragraph(_text(k), styles["label"]), Paragraph(_text(v), styles["value"])]
            for k, v in labels["header"]
        ],
        colWidths=[38 * mm, None],
        hAlign="LEFT",
    )
    header.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.REGULAR),  # the cells' own default is Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story = [header, Spacer(1, 8 * mm), Paragraph(_text(letter.title), styles["title"])]
    if letter.subtitle:
        story.append(Paragraph(_text(letter.subtitle), styles["subtitle"]))
    for section in letter.sections:
        story += _part(section.heading, section.paragraphs, section.items, styles)
    if letter.signature:
        story += [Spacer(1, 4 * mm), Paragraph("<br/>".join(map(_text, letter.signature)), styles["body"])]
    if letter.legal_references:
        story += _part(labels["legal_references"], (), letter.legal_references, styles)
    if letter.appeal is not None:
        story += _part(labels["appeal"], letter.appeal.paragraphs, (), styles)
    document.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()
