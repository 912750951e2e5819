"""A `Letter` as an HTML fragment (an <article> with the letter's `lang`), for the page that shows it.

The parts come in the same order as in the PDF. `level` is the title's heading level on the page (1 when
the letter is the page, 2 when the page holds several); the sections' headings are one level below.
Print CSS (web/site.css, "letters") hides the page's chrome and keeps the letter.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString

from .labels import words
from .letter import Letter


def render_html(letter: Letter, *, level: int = 1, id: str = "letter", css_class: str = "") -> SafeString:
    if not 1 <= level <= 5:
        raise ValueError("the title's heading level must be 1–5")
    with translation.override(letter.language):
        return render_to_string(
            "letters/letter.html",
            {
                "letter": letter,
                "words": words(letter),
                "level": level,
                "sub": level + 1,
                "id": id,
                "css_class": css_class,
            },
        )
