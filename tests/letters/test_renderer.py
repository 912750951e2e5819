"""The one letter renderer (issue 11; R-TG-7, R-BEN-1, R-X-8): a `Letter` gives an HTML fragment and an A4
PDF with the same parts in the letter's language; the PDF's bytes are the same every time, its text is
selectable and printed in the bundled font, the Sámi letters included; appeal instructions appear in both
outputs when the letter has them and nowhere when it has none."""

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest

from kuntakokeilu.letters import fonts
from kuntakokeilu.letters.html import render_html
from kuntakokeilu.letters.letter import Appeal, Letter, Section
from kuntakokeilu.letters.pdf import render_pdf

from .pdftext import pdf_text, shown

pytestmark = pytest.mark.nodb
ROOT = Path(__file__).resolve().parents[2]
SAMI = "Áile Ŋuolláš-Čđŧž Šážž"  # Northern Sámi letters a population register holds


def decision(lang: str, appeal: Appeal | None) -> Letter:
    """A decision with every part, as a benefits decision will have (R-BEN-1: appeal instructions)."""
    return Letter(
        language=lang,
        title={"fi": "Päätös palkkatuesta", "sv": "Beslut om lönesubvention"}[lang],
        subtitle="2023/118",
        sender={"fi": "Inarin kunta", "sv": "Enare kommun"}[lang],
        recipient=SAMI,
        date=dt.date(2023, 9, 4),
        reference="DNRO 118/2023",
        sections=[
            Section(
                {"fi": "Päätös", "sv": "Beslut"}[lang], ("Myönnetään.\nEhdoin.",), ("1.10.2023–31.3.2024",)
            ),
            Section(paragraphs=("Perustelu / motivering.",)),
        ],
        legal_references=("L 916/2012 7:1",),
        appeal=appeal,
        signature=("Biret Ánde", "työllisyyspäällikkö"),
    )


APPEAL = Appeal(("Valitus 30 päivän kuluessa Pohjois-Suomen hallinto-oikeuteen. / Besvär inom 30 dagar.",))


@pytest.mark.parametrize(
    ("lang", "labels"),
    [
        (
            "fi",
            ("Lähettäjä", "Päivämäärä", "Vastaanottaja", "Viite", "Sovelletut säännökset", "Valitusosoitus"),
        ),
        (
            "sv",
            ("Avsändare", "Datum", "Mottagare", "Referens", "Tillämpade bestämmelser", "Besvärsanvisning"),
        ),
    ],
)
def test_one_letter_renders_to_html_and_pdf_with_the_same_parts_in_its_language(lang, labels):
    """Both outputs hold the header rows, title, sections, list, signature, legal references and appeal
    instructions, labelled in the letter's language (glossary: valitusosoitus / besvärsanvisning)."""
    letter = decision(lang, APPEAL)
    page = render_html(letter, level=2, id="d")
    text = pdf_text(render_pdf(letter, compress=False))
    assert f'<article class="letter" lang="{lang}" aria-labelledby="d-title">' in page
    assert f'<h2 id="d-title" class="letter-title">{letter.title}</h2>' in page
    assert '<h3 id="d-appeal">' in page and "Myönnetään.<br>Ehdoin." in page
    parts = [*labels, letter.title, SAMI, "4.9.2023", "DNRO 118/2023", "Biret Ánde", "L 916/2012 7:1"]
    parts += ["Myönnetään.", "Ehdoin.", "1.10.2023–31.3.2024", "Perustelu / motivering.", "Pohjois-Suomen"]
    for part in parts:
        assert part in page, part
        assert part in text, part
    # The same order in both: header, title, body, signature, references, appeal.
    for output in (page, text):
        positions = [
            output.index(p) for p in (labels[0], letter.title, "Ehdoin.", "Biret", labels[4], labels[5])
        ]
        assert positions == sorted(positions)


def test_without_appeal_instructions_neither_output_has_them():
    """Only where the law gives a remedy: a letter without one prints no heading for it."""
    letter = decision("fi", None)
    assert "Valitusosoitus" not in render_html(letter)
    assert "Valitusosoitus" not in pdf_text(render_pdf(letter, compress=False))
    own = Letter(
        language="sv",
        title="Beslut",
        sender="Enare",
        date=dt.date(2023, 1, 2),
        appeal=Appeal(("Begäran inom 30 dagar.",), heading="Anvisning om begäran om omprövning"),
    )
    assert "Anvisning om begäran om omprövning" in pdf_text(render_pdf(own, compress=False))
    assert "Besvärsanvisning" not in render_html(own)


def test_the_same_letter_gives_the_same_bytes():
    """Deterministic output (reportlab's invariant mode), compressed or not; another letter differs."""
    letter = decision("sv", APPEAL)
    assert render_pdf(letter) == render_pdf(decision("sv", APPEAL))
    assert render_pdf(letter, compress=False) == render_pdf(letter, compress=False)
    assert render_pdf(letter) != render_pdf(decision("fi", APPEAL))
    assert b"/Lang (sv)" in render_pdf(letter, compress=False)


def test_every_glyph_is_in_the_bundled_font_and_selectable():
    """The Sámi letters are printed in the embedded DejaVu Sans (no base-14 font, which lacks ŋ and đ),
    and each shown string maps back to Unicode, so the text can be selected and searched."""
    data = render_pdf(decision("fi", APPEAL), compress=False)
    strings = shown(data)
    assert strings and all(s.selectable for s in strings)
    assert {s.font.split("+")[-1] for s in strings} == {fonts.REGULAR, fonts.BOLD}
    assert any(s.text == SAMI for s in strings)
    assert b"/FontFile2" in data and b"/Helvetica" not in data and b"/Times" not in data


def test_a_letter_is_a_frozen_value_and_refuses_what_it_cannot_print():
    letter = decision("fi", None)
    assert isinstance(letter.sections, tuple) and hash(letter) == hash(decision("fi", None))
    with pytest.raises(AttributeError):
        letter.title = "x"
    with pytest.raises(ValueError, match="language"):
        Letter(language="de", title="Bescheid", sender="x", date=dt.date(2023, 1, 1))
    with pytest.raises(ValueError, match="title"):
        Letter(language="fi", title="", sender="x", date=dt.date(2023, 1, 1))
    with pytest.raises(ValueError, match="empty section"):
        Section()
    with pytest.raises(ValueError, match="appeal"):
        Appeal(())
    with pytest.raises(ValueError, match="heading level"):
        render_html(letter, level=6)


def test_the_letters_app_knows_no_domain_app():
    """Infrastructure: the renderer imports only the rule engine, the regions and the clock."""
    allowed = {"letters", "rules", "regions", "clock"}
    for path in (ROOT / "src" / "kuntakokeilu" / "letters").rglob("*.py"):
        used = set(re.findall(r"kuntakokeilu\.(\w+)", path.read_text()))
        assert used <= allowed, (path.name, used - allowed)


def test_the_fonts_and_their_licence_ship_with_the_package():
    """pip alone installs a working renderer: the .ttf files and the licence are package data."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["*"]
    assert "*.ttf" in data and "LICENSE" in data
    shipped = {p.name for p in fonts.FONTS.iterdir()}
    assert {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LICENSE"} <= shipped
    assert "Bitstream Vera" in (fonts.FONTS / "LICENSE").read_text()
