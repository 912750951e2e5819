"""Tidy and compile every app's locale/*/LC_MESSAGES/django.po into django.mo with polib (no GNU gettext).

Tidying replaces makemessages' template header with the app's own and clears the header's fuzzy mark.
The .mo files are committed, so a fresh machine needs no compiler; tests/test_translations.py checks that
each .mo holds exactly what its .po says.
"""

from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent / "src" / "kuntakokeilu"

for po_path in sorted(ROOT.glob("*/locale/*/LC_MESSAGES/django.po")):
    app, lang = po_path.relative_to(ROOT).parts[0], po_path.relative_to(ROOT).parts[2]
    po = polib.pofile(str(po_path))
    po.header = (
        f"Kuntakokeilu, {app} app: translations.\nTranslators own the wording; message ids are English."
    )
    po.metadata_is_fuzzy = False
    po.metadata.update(
        {
            "Project-Id-Version": f"kuntakokeilu-{app}",
            "Language": lang,
            "Content-Type": "text/plain; charset=UTF-8",
            "Plural-Forms": "nplurals=2; plural=(n != 1);",
        }
    )
    for key in ("Last-Translator", "Language-Team", "PO-Revision-Date", "Report-Msgid-Bugs-To"):
        po.metadata.pop(key, None)
    po.save(str(po_path))
    po.save_as_mofile(str(po_path.with_suffix(".mo")))
    print(f"{po_path.relative_to(ROOT)}: {po.percent_translated()} % translated")
