"""The evaluation's heavy libraries are imported only by a run, not at Django's setup (issue 13): every
process (server workers, the job worker, the commands, the initial transfer) would otherwise carry
pyfixest, SciPy, pandas and matplotlib (about 2.5 s of imports and 190 MB)."""

import os
import subprocess
import sys

HEAVY = ("pyfixest", "scipy", "pandas", "matplotlib")

PROBE = """
import sys
import django
django.setup()
from django.urls import get_resolver
get_resolver().url_patterns  # every app's views and the API
from kuntakokeilu.evaluation import services, views  # noqa: F401
print(",".join(m for m in {heavy!r} if m in sys.modules))
"""


def test_setup_and_urls_do_not_import_the_estimators_libraries():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY)], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == ""
