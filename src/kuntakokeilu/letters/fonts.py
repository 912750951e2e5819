"""The bundled font family (DejaVu Sans, see fonts/README.md) registered with reportlab once.

A TrueType font is embedded as a subset with a ToUnicode map, so the PDF's text can be selected, copied
and searched, and every Latin letter prints, the Sámi ones included (á č đ ŋ š ŧ ž).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"


@cache
def register() -> tuple[str, str]:
    """Register the family (idempotent) and return the names of its regular and bold faces."""
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
    # <b> inside a paragraph picks the bold face; there is no italic face, so italic maps to upright.
    for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
        addMapping(REGULAR, bold, italic, face)
    return REGULAR, BOLD
