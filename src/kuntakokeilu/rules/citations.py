"""Legal references and sources in the reader's language (R-X-8: no English inside fi/sv texts).

The parameter files keep each value's reference as one English string ("L1269 s. 23 mom 1 as amended by
L287/2022"); `cite(reference, lang)` shows it in Finnish or Swedish: the citation grammar by rule
("23 § 1 mom.") and every English phrase of the files through the catalogue (`PHRASES`, translated in
rules/locale). `tests/rules/test_citations.py` checks that every reference of the parameter files comes out
without an English word. A source's own title (e.g. "Resursointi") stays as it is, in quotes.
"""

from __future__ import annotations

import re

from django.utils import translation
from django.utils.translation import gettext_noop as _

# The English phrases of the parameter files' references, each a message id (translated in rules/locale).
_ENGLISH = (
    _(
        "TEM: 148,628 unemployed pilot customers / 203,353 unemployed job seekers in the pilot "
        "municipalities, July 2022; 135,000 / 185,889, March 2022 (model and sources at the top of "
        "selection.yaml)"
    ),
    _("TEM / Statistics Finland table 12r5, unemployed job seekers at the end of February 2021"),
    _("Stated assumption for test data (see the file's header), not a statistic"),
    _("the day of re-evaluation is the project's reading (the law does not say)"),
    _("indicative reference value of the application letter, not confirmed in other sources: law notes"),
    _("indicative target, counting areas selected in the main round"),
    _("policy condition; may be departed from for specially justified reasons"),
    _("before L671/2022 there is no change-security exclusion"),
    _("no amendment has widened the group"),
    _("at risk of unemployment within two weeks"),
    _("a fully laid-off person is unemployed"),
    _("temporary protection, by residence"),
    _("Supplementary round 2020 Annex 1"),
    _("supplementary round 2020 Annex 1"),
    _("TEM application letter 2019"),
    _("notices given from"),
    _("kotikunta only"),
    _("transitional provisions"),
    _("Act 380/2023 on the organisation of public employment services"),
    _("project policy, not law"),
    _("original text"),
    _("as amended by"),
    _("Aliens Act"),
    _("in force"),
    _(" and "),
)
# A source's text that is not English: its English message id (the Finnish title of Act 150/1930).
_OTHER = {"Laki säädettyjen määräaikain laskemisesta": _("Act on the Calculation of Statutory Time Limits")}
# Longest first, so that a phrase is replaced before any shorter phrase inside it.
PHRASES: tuple[tuple[str, str], ...] = tuple(
    sorted([*((text, text) for text in _ENGLISH), *_OTHER.items()], key=lambda pair: -len(pair[0]))
)
# The citation grammar: "s. 23" is "23 §", "mom 1" is "1 mom.", "p. 3" is "3 kohta" / "3 punkten".
SECTION = re.compile(r"\bs\. (\d+(?: ?[a-z]\b)?)")
SUBSECTION = re.compile(r"\bmom (\d+)")
POINT = re.compile(r"\bp\. (\d+(?:–\d+)?)")
POINT_WORD = {"fi": "kohta", "sv": "punkten"}


def cite(reference: str, lang: str) -> str:
    """`reference` (English, as in the parameter files) in `lang`; English is returned as it is."""
    if lang not in POINT_WORD or not reference:
        return reference
    text = reference
    with translation.override(lang):
        # Phrases first (a phrase may hold "s." or "p."), each swapped for a numbered slot: none is re-read.
        slots: list[str] = []
        for source, msgid in PHRASES:
            if source in text:
                slots.append(translation.gettext(msgid))
                text = text.replace(source, f"\x00{len(slots) - 1}\x00")
    text = SECTION.sub(r"\1 §", text)
    text = SUBSECTION.sub(r"\1 mom.", text)
    text = POINT.sub(lambda match: f"{match.group(1)} {POINT_WORD[lang]}", text)
    return re.sub("\x00(\\d+)\x00", lambda match: slots[int(match.group(1))], text)
