"""Benchmark of the service process (issue 16 item 8): `make bench-service [PERSONS=N] [DB=…]`.

Per database, in a process of its own (`DEBUG=0`, `KUNTAKOKEILU_TODAY` = the month's close ON):
1. data: N synthetic job seekers (`customers.synthetic.generate`, seed 1), the initial transfer on
   1.3.2021 (`customers.transfers.initial`), a year of meetings up to ON (`service_process.synthetic`), then
   ANALYZE; each load skipped when the database (--keep URL) already holds it;
2. product: `service_process.batch.refresh_all(ON)` on an empty item table (every item written), REPEAT
   times (the items deleted between runs, the minimum reported), then a re-run that must change nothing;
3. baseline: a plain loop over the same rows without the ORM: one SQL query per table on the DB-API cursor
   (customers with birth dates, current job-search and status facts, meetings held by ON, the areas'
   first-contact targets), grouped by person, then for each customer the same input builder
   (`queries.rule_input`) and the pure `deadlines.decide`, counting the dated open or overdue items. Checked:
   as many customers and as many items as the product wrote. Ratio: product / baseline (goal ≤ 5);
4. pages: the worklist `/service/worklist/?group=…` through Django's test client, logged in as a case
   worker of (a) the trial municipality whose customer count is nearest 2,000 × N / 300,000 and (b)
   Helsinki (about 50,000 customers at N = 300,000): the median of --requests requests after 2 warm-ups,
   and the SQL queries of one request (goal: a median under 150 ms on PostgreSQL; a constant count is
   asserted by tests/service_process/test_worklist_queries.py);
5. with --profile: the product's first run again under cProfile, top 25 by cumulative time to a file.

Wall and CPU seconds (this process's, plus on PostgreSQL on this machine its server process's) are given:
the machine is shared. Results: a table on stdout and --out/service-N.json.

    .venv/bin/python -m benchmarks.service_process --persons 3000 --db both
    .venv/bin/python -m benchmarks.service_process --persons 300000 --db postgres --keep URL --profile
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from benchmarks.scratch import postgres_database

ON = dt.date(2023, 1, 31)  # a month's close
TRANSFER_ON = dt.date(2021, 3, 1)
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
GOAL_RATIO, GOAL_MS = 5.0, 150.0


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=3000)
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--requests", type=int, default=20, help="timed requests of each worklist page")
    parser.add_argument("--keep", help="an existing database URL to use (filled up to --persons)")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--out", default="var/bench")
    parser.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES))
    parser.add_argument("--child", help=argparse.SUPPRESS)  # a child process: the database URL
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    if args.child:
        print(json.dumps(run(args, out), default=str))
        return
    results = {}
    for db in ("sqlite", "postgres") if args.db == "both" else (args.db,):
        with _database(db, args, out) as url:
            results[db] = _child(url, args, out)
    path = out / f"service-{args.persons}.json"
    path.write_text(json.dumps({"persons": args.persons, "on": ON.isoformat(), "results": results}, indent=2))
    print(table(results))
    print(f"(details: {path})")


@contextlib.contextmanager
def _database(db: str, args, out: Path):
    if args.keep:
        yield args.keep
    elif db == "sqlite":
        path = out / f"service-{os.getpid()}.sqlite3"
        try:
            yield f"sqlite:///{path}"
        finally:
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    else:
        with postgres_database(args.postgres, "kk_bench_sp") as url:
            yield url


def _child(url: str, args, out: Path) -> dict:
    env = os.environ | {
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "kuntakokeilu.settings",
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "benchmark-only-secret-key",
        "KUNTAKOKEILU_TODAY": ON.isoformat(),
    }
    command = [sys.executable, "-m", "benchmarks.service_process", "--child", url, "--out", str(out)]
    command += [
        "--persons",
        str(args.persons),
        "--repeat",
        str(args.repeat),
        "--requests",
        str(args.requests),
    ]
    command += ["--profile"] if args.profile else []
    done = subprocess.run(command, env=env, stdout=subprocess.PIPE, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        sys.stderr.write(done.stdout)
        raise SystemExit(f"the service-process benchmark failed ({url.split('://')[0]})")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the child ---------------------------------------------------------------------------------------


def _say(text: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} {text}", file=sys.stderr, flush=True)


def _timed(function, *args, **kwargs):
    from benchmarks.initial_transfer import _cpu_seconds

    wall, cpu = time.perf_counter(), _cpu_seconds()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - wall, _cpu_seconds() - cpu


def run(args, out: Path) -> dict:
    import django

    django.setup()
    from django.db import connection

    result = {"vendor": connection.vendor, "load_before": os.getloadavg()}
    partial = out / f"service-{connection.vendor}-{args.persons}.partial.json"  # each step as it ends

    def step(name, function, *step_args):
        result[name] = function(*step_args)
        _say(f"{name}: {json.dumps(result[name], default=str)}")
        partial.write_text(json.dumps(result, indent=2, default=str))

    step("data", _data, args.persons)
    step("product", _product, args.repeat)
    step("baseline", _baseline, args.repeat, result["product"])
    step("pages", _pages, args.persons, args.requests)
    if args.profile:
        step("profile", _profile, out, args.persons)
    result["load_after"] = os.getloadavg()
    return result


def _data(persons: int) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from kuntakokeilu.customers import synthetic as people
    from kuntakokeilu.customers.models import Customership, Person
    from kuntakokeilu.customers.transfers import initial
    from kuntakokeilu.regions.models import Municipality
    from kuntakokeilu.regions.services import load_reference_data
    from kuntakokeilu.service_process import synthetic
    from kuntakokeilu.service_process.models import Meeting

    seconds = {}
    call_command("migrate", verbosity=0)
    if not Municipality.objects.exists():
        load_reference_data()
    if Person.objects.count() < persons:
        _say(f"generating {persons} job seekers")
        _r, seconds["generate"], _c = _timed(people.generate, persons, seed=1)
    if not Customership.objects.exists():
        _say("the initial transfer")
        _r, seconds["transfer"], _c = _timed(initial, TRANSFER_ON)
    if not Meeting.objects.exists():
        _say("a year of meetings")
        _r, seconds["meetings"], _c = _timed(synthetic.generate, ON, seed=1)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "persons": Person.objects.count(),
        "customerships": Customership.objects.count(),
        "meetings": Meeting.objects.count(),
        "seconds": seconds,
    }


def _delete_items() -> None:
    from django.db import connection, transaction

    from kuntakokeilu.service_process.models import DueItem

    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {DueItem._meta.db_table}")  # noqa: S608


def _product(repeat: int) -> dict:
    from kuntakokeilu.service_process.batch import refresh_all
    from kuntakokeilu.service_process.models import DueItem

    walls, cpus = [], []
    for _ in range(repeat):
        _delete_items()
        _say("product: refresh_all on an empty item table")
        summary, wall, cpu = _timed(refresh_all, ON)
        walls.append(wall)
        cpus.append(cpu)
    _say("product: a re-run")
    again, rerun, rerun_cpu = _timed(refresh_all, ON)
    assert (again.created, again.done, again.cancelled) == (0, 0, 0), "a re-run changed items"
    return {
        "seconds": min(walls),
        "cpu_seconds": min(cpus),
        "runs": walls,
        "customers": summary.persons,
        "items": DueItem.objects.open().count(),
        "created": summary.created,
        "rerun_seconds": rerun,
        "rerun_cpu_seconds": rerun_cpu,
    }


def _rows(cursor, sql: str, params=()) -> list[tuple]:
    cursor.execute(sql, params)
    return cursor.fetchall()


def plain_loop(on: dt.date) -> tuple[int, int]:
    """The baseline: the same rows on the DB-API cursor, grouped by person, the same input builder and the
    pure rule in a loop → (customers, dated open or overdue items)."""
    from django.db import connection

    from kuntakokeilu.rules.parameters import default_store
    from kuntakokeilu.service_process.deadlines import decide
    from kuntakokeilu.service_process.queries import rule_input

    params = default_store()
    with connection.cursor() as cursor:
        customers = _rows(
            cursor,
            "SELECT c.person_id, c.municipality_id, p.birth_date FROM customers_customership c "
            "JOIN customers_person p ON p.id = c.person_id WHERE c.responsible = 'municipality' "
            "AND c.municipality_id IS NOT NULL AND c.valid_from <= %s "
            "AND (c.valid_to IS NULL OR c.valid_to >= %s)",
            (on, on),
        )
        facts = defaultdict(list)
        for pk, *fact in _rows(
            cursor,
            "SELECT person_id, kind, valid_from, code, end_date FROM customers_fact "
            "WHERE superseded = %s AND kind IN ('job_search', 'status')",
            (False,),
        ):
            facts[pk].append(fact)
        meetings = defaultdict(list)
        for pk, *meeting in _rows(
            cursor,
            "SELECT person_id, type, date, no_show FROM service_process_meeting WHERE date <= %s "
            "ORDER BY person_id, date, id",
            (on,),
        ):
            meetings[pk].append(meeting)
        targets = dict(
            _rows(
                cursor,
                "SELECT m.municipality_id, t.working_days FROM regions_trialareamember m "
                "JOIN service_process_areafirstcontacttarget t ON t.trial_area_id = m.trial_area_id "
                "WHERE t.valid_from <= %s AND (t.valid_to IS NULL OR t.valid_to >= %s)",
                (on, on),
            )
        )
    items = 0
    for pk, municipality, born in customers:
        given = rule_input(facts.get(pk, ()), born, meetings.get(pk, ()), targets.get(municipality), on)
        if given is None:
            continue
        decision = decide(given, on, params)
        items += sum(
            1
            for i in decision.result["due"]
            if i["state"] in ("open", "overdue") and i["due_date"] is not None
        )
    return len(customers), items


def _baseline(repeat: int, product: dict) -> dict:
    walls, cpus = [], []
    for _ in range(repeat):
        _say("baseline: the plain loop")
        (customers, items), wall, cpu = _timed(plain_loop, ON)
        walls.append(wall)
        cpus.append(cpu)
    assert customers == product["customers"], "the baseline read another number of customers"
    assert items == product["items"], (
        f"the baseline counts {items} items, the product wrote {product['items']}"
    )
    return {"seconds": min(walls), "cpu_seconds": min(cpus), "runs": walls, "customers": customers}


def _case_worker(municipality):
    from django.contrib.auth import get_user_model

    from kuntakokeilu.access.models import Profile, RoleAssignment
    from kuntakokeilu.access.roles import Role, ScopeKind

    user, _created = get_user_model().objects.get_or_create(username=f"bench.{municipality.code}")
    Profile.objects.get_or_create(user=user, defaults={"language": "fi"})
    RoleAssignment.objects.get_or_create(
        user=user,
        role=Role.CASE_WORKER,
        scope_kind=ScopeKind.MUNICIPALITY,
        municipality=municipality,
        valid_from=dt.date(2021, 1, 1),
    )
    return user


def _pages(persons: int, requests: int) -> list[dict]:
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from kuntakokeilu.regions.models import Municipality
    from kuntakokeilu.service_process.batch import customers_on
    from kuntakokeilu.service_process.models import DueItem

    counts = defaultdict(int)
    for _pk, municipality, _born in customers_on(ON):
        counts[municipality] += 1
    aim = 2000 * persons / 300_000
    small = min(counts, key=lambda m: (abs(counts[m] - aim), m))
    helsinki = Municipality.objects.get(code="091").pk
    items = dict(
        DueItem.objects.open().values_list("handler_municipality").annotate(n=Count("id")).order_by()
    )
    found = []
    for pk in (small, helsinki):
        municipality = Municipality.objects.get(pk=pk)
        client = Client(HTTP_HOST="localhost")
        client.force_login(_case_worker(municipality))
        for group in ("all", "overdue"):
            url = f"{reverse('service_process:worklist')}?group={group}&page=2"
            for _ in range(2):
                assert client.get(url, secure=True).status_code == 200
            times = []
            for _ in range(requests):
                started = time.perf_counter()
                response = client.get(url, secure=True)
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200
            with CaptureQueriesContext(connection) as captured:
                rows = client.get(url, secure=True).content.count(b'class="row-link"')
            found.append(
                {
                    "municipality": municipality.name_fi,
                    "customers": counts[pk],
                    "open_items": items.get(pk, 0),
                    "group": group,
                    "rows": rows,
                    "median_ms": statistics.median(times),
                    "max_ms": max(times),
                    "queries": len(captured),
                }
            )
            _say(f"page {municipality.name_fi} {group}: {found[-1]['median_ms']:.1f} ms")
    return found


def _profile(out: Path, persons: int) -> dict:
    from django.db import connection

    from kuntakokeilu.service_process.batch import refresh_all

    _delete_items()
    profiler = cProfile.Profile()
    profiler.enable()
    refresh_all(ON)
    profiler.disable()
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text).strip_dirs()
    stats.sort_stats("cumulative").print_stats(25)
    stats.sort_stats("tottime").print_stats(15)
    path = out / f"service-profile-{connection.vendor}-{persons}.txt"
    path.write_text(text.getvalue())
    return {"stats": str(path)}


# --- the report --------------------------------------------------------------------------------------


def table(results: dict) -> str:
    lines = [
        "| database | customers | meetings | items | product s (CPU) | re-run s | baseline s (CPU) "
        "| product / baseline |",
        "|" + " --- |" * 8,
    ]
    for db, r in results.items():
        p, b = r["product"], r["baseline"]
        ratio = p["seconds"] / b["seconds"]
        lines.append(
            f"| {db} | {p['customers']:,} | {r['data']['meetings']:,} | {p['items']:,} "
            f"| {p['seconds']:.1f} ({p['cpu_seconds']:.1f}) | {p['rerun_seconds']:.1f} "
            f"| {b['seconds']:.1f} ({b['cpu_seconds']:.1f}) "
            f"| {ratio:.2f} {'ok' if ratio <= GOAL_RATIO else 'MISS'} "
            f"(CPU {p['cpu_seconds'] / b['cpu_seconds']:.2f}) |"
        )
    lines += [
        "",
        "| database | worklist of | customers | open items | group, page 2 | median ms | max ms | queries |",
    ]
    lines.append("|" + " --- |" * 8)
    for db, r in results.items():
        for page in r["pages"]:
            goal = "" if db != "postgres" else (" ok" if page["median_ms"] < GOAL_MS else " MISS")
            lines.append(
                f"| {db} | {page['municipality']} | {page['customers']:,} | {page['open_items']:,} "
                f"| {page['group']} ({page['rows']} rows) | {page['median_ms']:.1f}{goal} "
                f"| {page['max_ms']:.1f} "
                f"| {page['queries']} |"
            )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
