"""The what-if's benchmark (issue 13): N synthetic persons (seed 1), the target-group what-if
`--set target_group.age_limit=25` on 1.3.2021 as the command runs it, against a plain loop of the
status-only predicate over the same facts preloaded — both in the same process, one after the other.

- product: `services.execute` — read every person's facts held on the date (one streamed query,
  `queries.held_on`), judge each under the law and the overlay (`target_group_status.verdict`), count, store
  the counts and the persons who change side; the clock runs from the call to its return.
- preloaded facts: the rule's input of every judged person on the date (the dicts `facts_on` gives, read
  by `held_on`) in a Python list before the baseline's clock starts;
- plain loop: `verdict(given, on, law, …)` and `verdict(given, on, overlay, …)` for each of them, nothing
  counted or stored. The ratio is product / plain loop. The baseline's counts in the group are checked
  against the product's.

    .venv/bin/python -m benchmarks.whatif --persons 30000 [--db sqlite|postgres] [--keep URL]

A fresh database each run (SQLite: a file under /tmp; PostgreSQL: a database created on --postgres and
dropped), or with --keep URL an existing one, generated there first if it holds fewer persons.
Wall and CPU seconds are both given: the machine is shared, and the load average is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=600_000)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--keep", help="an existing database URL to use (and fill up to --persons)")
    parser.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES))
    args = parser.parse_args()
    if args.keep:
        url, drop = args.keep, None
    elif args.db == "sqlite":
        url, drop = f"sqlite:///{Path(tempfile.mkdtemp(prefix='kk-whatif-bench-')) / 'bench.sqlite3'}", None
    else:
        import psycopg

        drop = f"kk_whatif_bench_{os.getpid()}"
        with psycopg.connect(args.postgres, autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {drop}")
        url = args.postgres.rsplit("/", 1)[0] + f"/{drop}"
    try:
        run(url, args.persons)
    finally:
        if drop:
            import psycopg
            from django.db import connections

            connections.close_all()
            with psycopg.connect(args.postgres, autocommit=True) as admin:
                admin.execute(f"DROP DATABASE IF EXISTS {drop} WITH (FORCE)")
    sys.exit(0)


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(start: tuple[float, float]) -> tuple[float, float]:
    return time.perf_counter() - start[0], time.process_time() - start[1]


def run(url: str, persons: int) -> None:
    os.environ.update(
        DATABASE_URL=url,
        DEBUG="0",
        SECRET_KEY="bench-only",  # noqa: S106 (a throwaway database)
        DJANGO_SETTINGS_MODULE="kuntakokeilu.settings",
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from kuntakokeilu.customers.models import Person
    from kuntakokeilu.customers.synthetic import generate
    from kuntakokeilu.customers.target_group_status import verdict
    from kuntakokeilu.regions.models import Municipality
    from kuntakokeilu.regions.queries import municipality_histories
    from kuntakokeilu.regions.services import load_reference_data
    from kuntakokeilu.rules.overlay import Edit, overlay
    from kuntakokeilu.rules.parameters import default_store
    from kuntakokeilu.whatif import queries, services

    call_command("migrate", verbosity=0)
    if not Municipality.objects.exists():
        load_reference_data()
    held = Person.objects.count()
    if held < persons:
        t = time.perf_counter()
        generate(persons, seed=1)
        print(f"generate {persons}: {time.perf_counter() - t:.1f} s", flush=True)
    with connection.cursor() as cursor:  # the planner's statistics, as autovacuum keeps them after a load
        cursor.execute("ANALYZE")
    persons = Person.objects.count()
    print(f"{connection.vendor}, {persons} persons; load average {os.getloadavg()}", flush=True)
    on, edits = dt.date(2021, 3, 1), [Edit("target_group.age_limit", 25)]

    t = _clock()
    whatif = services.create("bench", "target-group", [on], edits, None, "en")
    services.execute(whatif.pk)
    product = _since(t)
    whatif.refresh_from_db()
    assert whatif.status == "done", whatif.error
    snapshot = whatif.results["snapshots"][0]
    print(f"product (read + judge + count + store): wall {product[0]:.2f} s, cpu {product[1]:.2f} s")

    t = _clock()
    given = [
        one
        for _pk, one in queries.held_on(on)
        if one["status"] is not None and (one["kotikunta"] or one["residence"])
    ]
    preload = _since(t)
    law = default_store()
    alt = overlay(law, edits)
    places = municipality_histories()
    t = _clock()
    law_in = alt_in = 0
    for one in given:
        law_in += verdict(one, on, law, places).in_group
        alt_in += verdict(one, on, alt, places).in_group
    loop = _since(t)
    assert (law_in, alt_in) == (
        sum(snapshot["law"]["areas_in"].values()),
        sum(snapshot["whatif"]["areas_in"].values()),
    ), "the baseline counts differently"
    print(f"preload of the facts (not in the loop): wall {preload[0]:.2f} s, cpu {preload[1]:.2f} s")
    print(f"plain loop, law + overlay, {len(given)} persons: wall {loop[0]:.2f} s, cpu {loop[1]:.2f} s")
    print(f"product / plain loop: wall {product[0] / loop[0]:.2f}, cpu {product[1] / loop[1]:.2f}")
    print(f"in the group: {law_in} under the law, {alt_in} with age limit 25; load average {os.getloadavg()}")


if __name__ == "__main__":
    main()
