"""Benchmark of the initial transfer (issue 6, item 8): `make bench [PERSONS=N] [DB=sqlite|postgres|both]`.

For each database, in a database of its own (SQLite: a file under --out; PostgreSQL: a database created
on --postgres and dropped at the end), separate processes:
1. setup: migrate, load the reference data;
2. generate: N synthetic job seekers (`generate_jobseekers --persons N --seed S`), timed;
3. transfer: the product's `transfers.initial` as the command runs it, timed; peak memory = the process's
   `resource.getrusage` ru_maxrss (the process does nothing else); then checks: the summary's totals match
   the rows (customerships, two notices each, everyone counted once), and a re-run transfers 0;
4. baselines: (a) and (b) of `baselines.py` on the rows the product wrote; each inserts as many rows as the
   product (asserted) and (b)'s decisions equal the product's (asserted);
5. profile: the product's rows deleted and the transfer run again under cProfile; the stats and a top-20
   are written under --out.
Each timed step runs --repeat times and reports its minimum, in wall and in CPU seconds (the process's, and on
PostgreSQL on this machine its server process's). Results: --out/results-N.json and a table on stdout. A
failed check ends the run with an error.
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
import resource
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.scratch import postgres_database

ON = dt.date(2021, 3, 1)
STEPS = ("setup", "generate", "transfer", "baselines", "profile")
DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs of the product and baselines")
    parser.add_argument("--out", default="var/bench")
    parser.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES))
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--step", choices=STEPS, help=argparse.SUPPRESS)  # a child process's one step
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    if args.step:
        print(json.dumps(_run_step(args, out)))
        return
    results = {}
    for db in ("sqlite", "postgres") if args.db == "both" else (args.db,):
        with _database(db, args, out) as url:
            results[db] = {}
            for step in STEPS:
                if step == "profile" and args.no_profile:
                    continue
                results[db][step] = _child(step, url, args, out)
                print(f"[{db}] {step}: {results[db][step]['seconds']:.1f} s", file=sys.stderr, flush=True)
    path = out / f"results-{args.persons}.json"
    path.write_text(json.dumps({"persons": args.persons, "seed": args.seed, "results": results}, indent=2))
    print(table(args.persons, results))
    print(f"(details: {path})")


# --- the parent: databases and child processes ------------------------------------------------------


@contextlib.contextmanager
def _database(db: str, args, out: Path):
    if db == "sqlite":
        path = out / f"bench-{os.getpid()}.sqlite3"
        try:
            yield f"sqlite:///{path}"
        finally:
            for suffix in ("", "-journal", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        return
    with postgres_database(args.postgres, "kk_bench") as url:
        yield url


def _child(step: str, url: str, args, out: Path) -> dict:
    env = os.environ | {
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "kuntakokeilu.settings",
        "DEBUG": "0",  # no query log kept in memory
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "benchmark-only-secret-key",
    }
    command = [sys.executable, "-m", "benchmarks.initial_transfer", "--step", step]
    command += ["--persons", str(args.persons), "--seed", str(args.seed), "--repeat", str(args.repeat)]
    command += ["--out", str(out)]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"benchmark step {step} failed ({url.split('://')[0]})")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- a child: one step ------------------------------------------------------------------------------


def _run_step(args, out: Path) -> dict:
    import django

    django.setup()
    from django.db import connection

    step = {
        "setup": _setup,
        "generate": _generate,
        "transfer": _transfer,
        "baselines": _baselines,
        "profile": _profile,
    }[args.step]
    result = step(args, out) | {"vendor": connection.vendor}
    result["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return result


def _setup(args, out) -> dict:
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_reference_data", stdout=io.StringIO())
    return {"seconds": time.perf_counter() - started}


def _generate(args, out) -> dict:
    from django.core.management import call_command

    from kuntakokeilu.customers.models import Fact, Person

    started = time.perf_counter()
    call_command("generate_jobseekers", "--persons", args.persons, "--seed", args.seed, stdout=io.StringIO())
    seconds = time.perf_counter() - started
    assert Person.objects.count() == args.persons, "generate_jobseekers made another number of persons"
    return {"seconds": seconds, "persons": args.persons, "facts": Fact.objects.count()}


def _rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _cpu_seconds() -> float:
    """CPU time used so far by this process and, on PostgreSQL on this machine, by its server process (from
    /proc): less disturbed than wall time when other work shares the cores."""
    from django.db import connection

    total = time.process_time()
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        stat = Path(f"/proc/{connection.connection.info.backend_pid}/stat")
        with contextlib.suppress(OSError):  # a server elsewhere: the client's CPU only
            fields = stat.read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime
    return total


class _Timed:
    """Wall and CPU seconds of a block, appended to the two lists."""

    def __init__(self, walls: list, cpus: list):
        self.walls, self.cpus = walls, cpus

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), _cpu_seconds()

    def __exit__(self, *exc):
        self.walls.append(time.perf_counter() - self.wall)
        self.cpus.append(_cpu_seconds() - self.cpu)


def _initial():
    """The initial transfer as `kuntakokeilu transfer initial --on 2021-03-01` runs it (progress printed)."""
    from kuntakokeilu.customers.transfers import initial

    sink = io.StringIO()
    return initial(ON, progress=lambda done, total: sink.write(f"… {done}/{total}\n"))


def _counts() -> tuple[int, int]:
    from kuntakokeilu.customers.models import Customership, Notice

    return Customership.objects.count(), Notice.objects.count()


def _delete_product_rows() -> None:
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cur:
        cur.execute("DELETE FROM customers_notice")
        cur.execute("DELETE FROM customers_customership")


def _transfer(args, out) -> dict:
    from kuntakokeilu.customers.transfers import candidates
    from kuntakokeilu.rules.parameters import default_store

    registered_by = default_store().get("transfers.initial_registered_by", ON).value
    candidate_count = candidates(registered_by).count()
    rss_before = _rss_mb()
    times: list[float] = []
    cpus: list[float] = []
    for run in range(args.repeat):
        if run:
            _delete_product_rows()
        with _Timed(times, cpus):
            summary = _initial()
        customerships, notices = _counts()
        kept = sum(sum(a.kept.values()) for a in summary.areas.values())
        assert summary.transferred == customerships, "the summary's transferred differs from the rows"
        assert notices == 2 * customerships, "not two notices per customership"
        assert summary.transferred + kept == candidate_count, "the summary does not count everyone once"
    started = time.perf_counter()
    again = _initial()
    rerun = time.perf_counter() - started
    assert again.transferred == 0 and _counts() == (customerships, notices), "a re-run changed something"
    assert again.already == customerships
    return {
        "seconds": min(times),
        "runs": times,
        "cpu_seconds": min(cpus),
        "cpu_runs": cpus,
        "candidates": candidate_count,
        "transferred": summary.transferred,
        "kept": kept,
        "customerships": customerships,
        "notices": notices,
        "rerun_transferred": again.transferred,
        "rerun_seconds": rerun,
        "rss_before_mb": rss_before,
    }


def _baselines(args, out) -> dict:
    from benchmarks import baselines

    product = baselines.product_rows()
    decision_bytes = sum(len(r[baselines.COLUMNS.index("decision")]) for r in product)
    a_times: list[float] = []
    b_times: list[float] = []
    a_cpus: list[float] = []
    b_cpus: list[float] = []
    rule_times = []
    for _ in range(args.repeat):
        baselines.create_copy()
        with _Timed(a_times, a_cpus):
            baselines.insert_rows(product)
        assert baselines.copy_count() == len(product), "baseline (a) inserted another number of rows"
        baselines.create_copy()
        with _Timed(b_times, b_cpus):
            started = time.perf_counter()
            rows = baselines.plain_rows(ON)
            rule_times.append(time.perf_counter() - started)
            baselines.insert_rows(rows)
        assert baselines.copy_count() == len(product), "baseline (b) inserted another number of rows"
    differ = baselines.differences(product, rows)
    assert not differ, f"baseline (b) decided otherwise than the product for {len(differ)} persons"
    baselines.drop_copy()
    return {
        "seconds": min(a_times) + min(b_times),
        "a_seconds": min(a_times),
        "b_seconds": min(b_times),
        "b_rule_seconds": min(rule_times),
        "a_runs": a_times,
        "b_runs": b_times,
        "a_cpu_seconds": min(a_cpus),
        "b_cpu_seconds": min(b_cpus),
        "rows": len(product),
        "decision_mb": decision_bytes / 2**20,
        "decision_bytes_per_customership": decision_bytes / len(product) if product else 0,
    }


def _profile(args, out) -> dict:
    _delete_product_rows()
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    summary = _initial()
    profiler.disable()
    seconds = time.perf_counter() - started
    from django.db import connection

    stem = out / f"profile-{connection.vendor}-{args.persons}"
    profiler.dump_stats(f"{stem}.pstats")
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text).strip_dirs()
    stats.sort_stats("tottime").print_stats(20)
    stats.sort_stats("cumulative").print_stats(20)
    Path(f"{stem}.txt").write_text(text.getvalue())
    return {"seconds": seconds, "transferred": summary.transferred, "stats": f"{stem}.txt"}


# --- the report -------------------------------------------------------------------------------------

GOAL_B, GOAL_A = 1.3, 3.0  # issue 13 item 3 (issue 6: 1.5 and 3)


def table(persons: int, results: dict) -> str:
    head = (
        "| database | persons | generate s | product s | (a) s | (b) s | product/(a) | product/(b) "
        "| CPU product/(a) | CPU product/(b) | peak RSS MB | customerships | notices | decision bytes each "
        "| re-run |"
    )
    lines = [head, "|" + " --- |" * 15]
    for db, r in results.items():
        t, b = r["transfer"], r["baselines"]
        ra, rb = t["seconds"] / b["a_seconds"], t["seconds"] / b["b_seconds"]
        lines.append(
            f"| {db} | {persons:,} | {r['generate']['seconds']:.1f} | {t['seconds']:.2f} "
            f"| {b['a_seconds']:.2f} | {b['b_seconds']:.2f} "
            f"| {ra:.2f} {'ok' if ra <= GOAL_A else 'MISS'} | {rb:.2f} {'ok' if rb <= GOAL_B else 'MISS'} "
            f"| {t['cpu_seconds'] / b['a_cpu_seconds']:.2f} | {t['cpu_seconds'] / b['b_cpu_seconds']:.2f} "
            f"| {t['max_rss_mb']:.0f} | {t['customerships']:,} | {t['notices']:,} "
            f"| {b['decision_bytes_per_customership']:.0f} "
            f"| {t['rerun_transferred']} in {t['rerun_seconds']:.1f} s |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
