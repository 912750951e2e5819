"""The what-if's benchmark (issue 13): N synthetic persons in a fresh SQLite database, the target-group
what-if `--set target_group.age_limit=25` on 1.3.2021 as the command runs it (read every person's facts in
chunks, judge each both ways, store counts and the persons who change side), against a plain loop of the
status-only predicate (`target_group_status.verdict`, law and overlay) over the same facts preloaded.

    .venv/bin/python -m benchmarks.whatif --persons 30000     (make bench-whatif PERSONS=…)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=600_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="kk-whatif-bench-"))
    os.environ.update(
        DATABASE_URL=f"sqlite:///{folder / 'bench.sqlite3'}",
        DEBUG="0",
        SECRET_KEY="bench-only",  # noqa: S106 (a throwaway database)
        DJANGO_SETTINGS_MODULE="kuntakokeilu.settings",
    )
    import django

    django.setup()
    from django.core.management import call_command

    from kuntakokeilu.customers.queries import facts_on
    from kuntakokeilu.customers.synthetic import generate
    from kuntakokeilu.customers.target_group_status import verdict
    from kuntakokeilu.regions.queries import municipality_histories
    from kuntakokeilu.regions.services import load_reference_data
    from kuntakokeilu.rules.overlay import Edit, overlay
    from kuntakokeilu.rules.parameters import default_store
    from kuntakokeilu.whatif import queries, services

    call_command("migrate", verbosity=0)
    load_reference_data()
    t = time.perf_counter()
    generate(args.persons, seed=1)
    print(f"generate {args.persons}: {time.perf_counter() - t:.1f} s", flush=True)
    on, edits = dt.date(2021, 3, 1), [Edit("target_group.age_limit", 25)]

    t = time.perf_counter()
    whatif = services.create("bench", "target-group", [on], edits, None, "en")
    services.execute(whatif.pk)
    product = time.perf_counter() - t
    whatif.refresh_from_db()
    print(f"product (what-if, read + judge + store): {product:.1f} s, status {whatif.status}", flush=True)

    t = time.perf_counter()
    given = []
    for persons, facts, _done, _total in queries.population():
        for pk, person in persons.items():
            one = facts_on(person, on, facts.get(pk, []), customerships=[])
            if one["status"] is not None and (one["kotikunta"] or one["residence"]):
                given.append(one)
    preload = time.perf_counter() - t
    law = default_store()
    alt = overlay(law, edits)
    places = municipality_histories()
    t = time.perf_counter()
    for one in given:
        verdict(one, on, law, places)
        verdict(one, on, alt, places)
    loop = time.perf_counter() - t
    print(f"preload facts (baseline's read): {preload:.1f} s; plain loop of the predicate x2: {loop:.1f} s")
    print(f"product / plain loop = {product / loop:.2f}")
    print(f"product / (preload + loop) = {product / (preload + loop):.2f}")
    sys.exit(0)


if __name__ == "__main__":
    main()
