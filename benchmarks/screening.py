"""Benchmark of screening many applications together (issue 12, item 2): `make bench-screening
[ITEMS=2000,20000]`.

In a SQLite database of its own (migrated, the real reference data and rounds loaded), N synthetic
applications of the supplementary 2020 round — one real mainland municipality each, in turn, so that
every ELY area holds many — are screened as the rules console screens a file (`rules.console.run_items`:
validate all, then the batch rule) and written as its JSON output. Measured: seconds, peak Python memory
(tracemalloc) and output bytes. Baseline in the same run: a tenth of the items screened together, times
ten — what N would cost if the work were linear. The ratio product/baseline stays near 1 when it is; before
this issue it grew with N (2,000 items took 122 s, 6 GB and wrote 710 MB).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
import tracemalloc
from pathlib import Path

ROUND = "supplementary-2020"


def _setup(out: Path) -> None:
    db = out / f"bench-screening-{os.getpid()}.sqlite3"
    os.environ.update(
        DATABASE_URL=f"sqlite:///{db}", DJANGO_SETTINGS_MODULE="kuntakokeilu.settings", DEBUG="0"
    )
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
    import django

    django.setup()
    from django.core.management import call_command

    from kuntakokeilu.applications.rounds import load_rounds
    from kuntakokeilu.regions.services import load_reference_data

    call_command("migrate", verbosity=0)
    load_reference_data()
    load_rounds()
    return db


def _items(n: int) -> list[dict]:
    from kuntakokeilu.applications.queries import screening_data

    data = screening_data(ROUND)
    codes = sorted(c for c, m in data.municipalities.items() if m.unemployed)
    return [
        {"id": f"a{i}", "round": ROUND, "name": f"Hakemus {i}", "lead": code, "municipalities": [code]}
        for i, code in ((i, codes[i % len(codes)]) for i in range(n))
    ]


def _timed(call):
    tracemalloc.start()
    start = time.perf_counter()
    value = call()
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return value, seconds, peak


def measure(n: int) -> dict:
    from kuntakokeilu.rules.console import as_json, run_items
    from kuntakokeilu.rules.registry import get_rule

    rule, on, items = get_rule("application-screening"), dt.date(2020, 8, 1), _items(n)
    output, seconds, peak = _timed(lambda: as_json(run_items(rule, items, on)))
    tenth = items[: max(1, n // 10)]
    _, part, _ = _timed(lambda: as_json(run_items(rule, tenth, on)))
    baseline = part * n / len(tenth)
    return {
        "items": n,
        "seconds": round(seconds, 2),
        "peak_mb": round(peak / 2**20, 1),
        "output_mb": round(len(output.encode()) / 2**20, 1),
        "baseline_seconds": round(baseline, 2),
        "ratio": round(seconds / baseline, 2),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", default="2000,20000", help="comma-separated sizes")
    parser.add_argument("--out", default="var/bench")
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    db = _setup(out)
    try:
        print("items  seconds  peak MB  output MB  baseline s (a tenth × 10)  product/baseline")
        for n in (int(x) for x in args.items.split(",")):
            r = measure(n)
            print(
                f"{r['items']:>5}  {r['seconds']:>7}  {r['peak_mb']:>7}  {r['output_mb']:>9}  "
                f"{r['baseline_seconds']:>23}  {r['ratio']:>16}",
                flush=True,
            )
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
