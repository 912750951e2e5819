"""R-X-8: the fi/sv catalogues use the terms of docs/glossary.md, not the rejected forms, and no English."""

import re
from pathlib import Path

import polib
import pytest

from .glossary import english_words, terms

pytestmark = pytest.mark.nodb
# Placeholders, markup, code names (with "_"), file names: not words of the text.
NOT_WORDS = r"%\(\w+\)[sd]|<[^>]+>|\{[^}]*\}|`[^`]*`|\b\w+_\w+\b|\b[\w.-]+\.(?:yaml|md|csv|json|py)\b"
SRC = Path(__file__).resolve().parent.parent / "src" / "kuntakokeilu"


def texts(lang: str) -> list[str]:
    out = []
    for path in sorted(SRC.glob(f"*/locale/{lang}/LC_MESSAGES/django.po")):
        for entry in polib.pofile(str(path)):
            out.extend(entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr])
    return out


def has_form(form: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE) is not None


def test_the_glossary_reads_as_a_table():
    rows = terms()
    assert len(rows) > 20
    assert any(t.sv == "effektutvärdering" and "konsekvensbedömning" in t.rejected_sv for t in rows)


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_catalogues_use_the_glossary_terms(lang):
    """R-X-8: every settled term appears in the language's catalogues."""
    catalogue = texts(lang)
    missing = [getattr(t, lang) for t in terms() if not any(has_form(getattr(t, lang), s) for s in catalogue)]
    assert not missing


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_catalogues_do_not_use_the_rejected_forms(lang):
    """R-X-8: e.g. no "konsekvensbedömning", "Jobbsökningen är i kraft", "Lumeaineistot" any more."""
    catalogue = texts(lang)
    found = [
        (form, text)
        for t in terms()
        for form in getattr(t, f"rejected_{lang}")
        for text in catalogue
        if has_form(form, text)
    ]
    assert not found


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_no_english_inside_finnish_or_swedish(lang):
    """R-X-8: placeholders, markup, code names, file names, SQL keywords and CSV values (true/false) aside,
    a fi/sv text has no English word of the stop list."""
    offending = []
    for text in texts(lang):
        clean = re.sub(NOT_WORDS, " ", text)
        clean = re.sub(r"\b[A-Z]{2,}\b|\b(?:true|false)\b", " ", clean)
        if english_words(clean):
            offending.append(text)
    assert not offending
