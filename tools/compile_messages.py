"""Compile every app's locale/*/LC_MESSAGES/django.po into django.mo with polib (no GNU gettext needed).

The .mo files are committed, so a fresh machine needs no compiler; tests/test_translations.py checks that
each .mo holds exactly what its .po says.
"""

from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent / "src" / "kuntakokeilu"

for po_path in sorted(ROOT.glob("*/locale/*/LC_MESSAGES/django.po")):
    po = polib.pofile(str(po_path))
    po.save_as_mofile(str(po_path.with_suffix(".mo")))
    print(f"{po_path.relative_to(ROOT)}: {po.percent_translated()} % translated")
