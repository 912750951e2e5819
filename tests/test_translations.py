"""Every app's fi/sv catalogue is complete, keeps the placeholders, and its committed .mo matches the .po
(R-X-8: the system is bilingual by law; English is the source language)."""

import gettext
import re
from pathlib import Path

import polib
import pytest

pytestmark = pytest.mark.nodb
SRC = Path(__file__).resolve().parent.parent / "src" / "kuntakokeilu"
CATALOGUES = sorted(SRC.glob("*/locale/*/LC_MESSAGES/django.po"))
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def test_every_app_with_texts_has_fi_and_sv():
    apps = {p.relative_to(SRC).parts[0] for p in CATALOGUES}
    assert {"rules", "regions", "web"} <= apps
    for app in apps:
        assert {p.relative_to(SRC).parts[2] for p in CATALOGUES if p.relative_to(SRC).parts[0] == app} == {
            "fi",
            "sv",
        }


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: str(p.relative_to(SRC)))
def test_catalogue_is_complete_and_keeps_placeholders(po_path):
    po = polib.pofile(str(po_path))
    assert not po.untranslated_entries(), [e.msgid for e in po.untranslated_entries()]
    assert not po.fuzzy_entries(), [e.msgid for e in po.fuzzy_entries()]
    for entry in po:
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(entry.msgid)), entry.msgid


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: str(p.relative_to(SRC)))
def test_compiled_catalogue_matches_the_po(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"run `make messages`: {mo_path} is missing"
    with mo_path.open("rb") as fh:
        compiled = gettext.GNUTranslations(fh)
    for entry in polib.pofile(str(po_path)):
        if entry.msgid_plural:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr_plural[0]
        elif entry.msgctxt:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr, entry.msgid
        else:
            assert compiled.gettext(entry.msgid) == entry.msgstr, (
                f"stale .mo, run `make messages`: {entry.msgid}"
            )


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: str(p.relative_to(SRC)))
def test_users_see_our_translation_not_a_librarys(po_path):
    """Django merges every app's catalogue: a library's translation of the same msgid must not win."""
    from django.utils import translation

    lang = po_path.relative_to(SRC).parts[2]
    with translation.override(lang):
        for entry in polib.pofile(str(po_path)):
            if not entry.msgid_plural and not entry.msgctxt:
                assert translation.gettext(entry.msgid) == entry.msgstr, entry.msgid
