"""Pages under load on the production server (issue 12, item 7): `make bench-serve [PERSONS=30000]`.

1. A fresh PostgreSQL database `kk_serve_<pid>` (created on --postgres, dropped at the end): `migrate`,
   `load_reference_data`, `generate_jobseekers --persons N --seed 1`, `transfer initial --on 2021-03-01`
   (each a `kuntakokeilu` process, as an operator runs them), then the demo users
   (`access.demo.ensure_demo_users`) and --due new registrations in the last six days before --today in
   Helsinki, Espoo and Vantaa through the CSV import (`import_job_seekers`, which puts each due transfer
   on the Uusimaa TE office's worklist, R-TG-4).
2. The server as `make serve` starts it: `kuntakokeilu worker` beside gunicorn
   (`kuntakokeilu.wsgi:application`, --workers 4, access log on), DEBUG=0, a SECRET_KEY, on
   127.0.0.1:--port, with KUNTAKOKEILU_TODAY=--today (the data's clock: the pilot runs then).
3. Sign-in through the real form (GET the page, POST with its CSRF token) as the Helsinki case worker
   `aino.virtanen` and the Uusimaa TE office's `sanna.makinen`; their session cookies are shared by the
   clients of a target.
4. Per target, --clients closed-loop clients (threads, stdlib `http.client`, no think time): --warmup
   seconds unmeasured, then --duration seconds measured. Targets: two baselines (`/healthz`, one SELECT;
   the public trial-area list, a template with a few queries), the TE office's due-transfer worklist, the
   case worker's search by name (a POST listing 50 customers, each logged) and person pages (a different
   Helsinki customer each request, logged).
Reported per target: requests/s, p50/p95/p99 latency, errors (a status other than 200, or no answer), with
the machine and the data's size; a table on stdout and var/bench/serve-N.json. The server processes and
the database are removed at the end, also on failure.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import http.client
import json
import os
import platform
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from benchmarks.scratch import postgres_database

DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"
REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CASE_WORKER, TE_OFFICE = "aino.virtanen", "sanna.makinen"
DUE_PLACES = ("091", "049", "092")  # Helsinki, Espoo, Vantaa: the Uusimaa TE office's trial municipalities
SEARCH_NAME = "Testinen"  # a synthetic last name (customers/synthetic.py)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=30000)
    parser.add_argument("--due", type=int, help="new registrations due for transfer (default persons/150)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=20.0)
    parser.add_argument("--warmup", type=float, default=5.0)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8031)
    parser.add_argument("--today", default="2022-09-01")
    parser.add_argument("--targets", help="comma-separated names of targets (default: all)")
    parser.add_argument("--out", default="var/bench")
    parser.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES_URL", DEFAULT_POSTGRES))
    parser.add_argument(
        "--baseline-src",
        help="a source tree (e.g. `git archive` of the base commit's src/) served first on the same data: "
        "the targets are measured before (that tree) and after (this one) in one run",
    )
    parser.add_argument("--profile", type=int, default=0, help="profile this many person pages in-process")
    parser.add_argument("--step", choices=("data", "profile"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.due = args.persons // 150 if args.due is None else args.due
    if args.step == "data":
        print(json.dumps(_data_step(args)))
        return
    if args.step == "profile":
        print(json.dumps(_profile_step(args)))
        return
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    machine = _machine()
    with _database(args) as url:
        env = _env(url, args)
        data = _prepare(env, args)
        results = []
        if args.baseline_src:
            baseline = env | {"PYTHONPATH": str(Path(args.baseline_src).resolve())}
            with _server(baseline, args, out):
                results += [r | {"code": "before"} for r in _measure(args, data)]
        with _server(env, args, out):
            results += [r | {"code": "after" if args.baseline_src else ""} for r in _measure(args, data)]
        profile = _profile(env, args) if args.profile else None
    data = {k: v for k, v in data.items() if k not in ("password", "sample_persons")}
    report = {"machine": machine, "data": data, "settings": _settings(args), "results": results}
    if profile:
        report["profile"] = profile
    path = out / f"serve-{args.persons}.json"
    path.write_text(json.dumps(report, indent=2))
    print(table(report))
    print(f"(details: {path})")
    if any(r["errors"] for r in results):
        raise SystemExit("some requests failed (see the errors column)")


# --- the database and the data ----------------------------------------------------------------------


def _database(args):
    return postgres_database(args.postgres, "kk_serve")


def _env(url: str, args) -> dict:
    return os.environ | {
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "kuntakokeilu.settings",
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or "benchmark-only-secret-key",
        "KUNTAKOKEILU_TODAY": args.today,
        "LOG_LEVEL": "WARNING",
    }


def _run(command: list[str], env: dict) -> str:
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False, cwd=REPO)  # noqa: S603
    if done.returncode != 0:
        sys.stderr.write(done.stdout + done.stderr)
        raise SystemExit(f"failed: {' '.join(command[1:3])}")
    print(f"  {' '.join(command[1:3])}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return done.stdout


def _prepare(env: dict, args) -> dict:
    kk = str(BIN / "kuntakokeilu")
    print(f"data: {args.persons:,} persons", file=sys.stderr, flush=True)
    _run([kk, "migrate", "--noinput", "--verbosity", "0"], env)
    _run([kk, "load_reference_data"], env)
    _run([kk, "generate_jobseekers", "--persons", str(args.persons), "--seed", "1"], env)
    _run([kk, "transfer", "initial", "--on", "2021-03-01"], env)
    command = [sys.executable, "-m", "benchmarks.serve_load", "--step", "data"]
    command += ["--persons", str(args.persons), "--due", str(args.due), "--today", args.today]
    return json.loads(_run(command, env).strip().splitlines()[-1])


def _data_step(args) -> dict:
    """In a child process: the demo users, the due registrations, the sample of Helsinki customers."""
    import django

    django.setup()
    from kuntakokeilu.access.demo import DEMO_PASSWORD, ensure_demo_users
    from kuntakokeilu.customers.models import Customership, DueTransfer, Person

    ensure_demo_users()
    today = dt.date.fromisoformat(args.today)
    register_due(args.due, today)
    helsinki = Customership.objects.filter(municipality__code="091", valid_to=None)
    _service_process(today, helsinki)
    persons = [str(p) for p in helsinki.order_by("person_id").values_list("person_id", flat=True)[:500]]
    return {
        "persons": Person.objects.count(),
        "customerships": Customership.objects.count(),
        "helsinki_customers": helsinki.count(),
        "open_due_transfers": DueTransfer.objects.open().count(),
        "sample_persons": persons,
        "password": DEMO_PASSWORD,  # the demo's published one; not written to the report
    }


def _service_process(today: dt.date, helsinki) -> None:
    """Every customer's statutory deadlines on `today` (`service_process.batch.refresh_all`, as the
    month's close writes them) and 200 Helsinki customers assigned to the case worker (issue 16 item 2),
    so that her own worklist and Helsinki's have rows."""
    from django.contrib.auth import get_user_model

    from kuntakokeilu.service_process.batch import refresh_all
    from kuntakokeilu.service_process.models import CustomerAssignment

    refresh_all(today)
    worker = get_user_model().objects.get(username=CASE_WORKER)
    persons = helsinki.order_by("person__last_name", "person__first_name", "person_id")
    CustomerAssignment.objects.bulk_create(
        CustomerAssignment(person_id=pk, worker=worker, valid_from=today - dt.timedelta(days=30))
        for pk in persons.values_list("person_id", flat=True)[:200]
    )


def register_due(count: int, today: dt.date) -> None:
    """`count` job seekers registering in the six days before `today` in Helsinki, Espoo or Vantaa: each
    is due for transfer to the municipality within seven days (R-TG-4), on the TE office's worklist."""
    import csv
    import io

    from kuntakokeilu.customers.identity import make_henkilotunnus
    from kuntakokeilu.customers.importer import COLUMNS, import_job_seekers
    from kuntakokeilu.customers.models import Person

    rng, rows, codes = random.Random(7), [], set()  # noqa: S311 (test data, not secrets)
    taken = set(Person.objects.values_list("henkilotunnus", flat=True))
    while len(rows) < count:
        birth = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(40 * 365))
        code = make_henkilotunnus(birth, rng.randrange(900, 1000))
        if code in taken or code in codes:
            continue
        codes.add(code)
        registered = (today - dt.timedelta(days=rng.randrange(1, 7))).isoformat()
        rows.append(
            {
                "henkilotunnus": code,
                "last_name": "Kuormitus",
                "first_name": f"Testi{len(rows)}",
                "service_language": "fi",
                "valid_from": registered,
                "kotikunta": DUE_PLACES[len(rows) % len(DUE_PLACES)],
                "mother_tongue": "fi",
                "immigrant": "false",
                "status": "unemployed",
                "earnings_related_entitlement": "false",
                "job_search_start": registered,
            }
        )
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=COLUMNS, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    import_job_seekers(text.getvalue().encode(), source="bench-serve")


# --- the server --------------------------------------------------------------------------------------


@contextlib.contextmanager
def _server(env: dict, args, out: Path):
    """The job worker and gunicorn as `make serve` starts them, each in a session of its own so that its
    whole process group is stopped at the end (TERM, then KILL after 20 s), also when the run fails."""
    log = open(out / f"serve-{os.getpid()}.log", "w")  # noqa: SIM115 (closed below)
    gunicorn = [str(BIN / "gunicorn"), "kuntakokeilu.wsgi:application", "--bind", f"127.0.0.1:{args.port}"]
    gunicorn += ["--workers", str(args.workers), "--access-logfile", "-", "--graceful-timeout", "20"]
    processes = []
    try:
        for command in ([str(BIN / "kuntakokeilu"), "worker"], gunicorn):
            processes.append(
                subprocess.Popen(  # noqa: S603
                    command, env=env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
                )
            )
        _wait_until_healthy(args.port, processes)
        yield
    finally:
        for process in processes:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        log.close()


def _wait_until_healthy(port: int, processes, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in processes):
            raise SystemExit("the server or the worker stopped while starting (see var/bench/serve-*.log)")
        probe = Client(port)
        with contextlib.suppress(OSError):
            if probe.request("GET", "/healthz")[0] == 200:
                probe.close()
                return
        probe.close()
        time.sleep(0.5)
    raise SystemExit("the server did not become healthy within a minute")


# --- HTTP clients ------------------------------------------------------------------------------------


class Client:
    """One client's connection (re-opened when gunicorn's sync worker closes it) and its cookies, sent
    as given: the cookies are Secure with DEBUG off, which a cookie jar would keep from plain HTTP."""

    def __init__(self, port: int, cookies: dict | None = None):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookies = dict(cookies or {})

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, dict]:
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            self.connection.close()
            raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, text, dict(response.getheaders())

    def close(self) -> None:
        self.connection.close()


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def sign_in(port: int, username: str, password: str) -> Client:
    """Through the real form: the page's CSRF token and cookie, then the POST; a 302 means signed in."""
    client = Client(port)
    status, page, _ = client.request("GET", "/sign-in/")
    token = TOKEN.search(page)
    assert status == 200 and token, f"no sign-in form ({status})"
    form = {"csrfmiddlewaretoken": token.group(1), "username": username, "password": password}
    status = client.request("POST", "/sign-in/", form)[0]
    assert status == 302 and "sessionid" in client.cookies, f"{username} was not signed in ({status})"
    return client


def csrf_token(client: Client, path: str) -> str:
    status, page, _ = client.request("GET", path)
    token = TOKEN.search(page)
    assert status == 200 and token, f"no form on {path} ({status})"
    return token.group(1)


# --- the load ----------------------------------------------------------------------------------------


def _targets(args, data: dict) -> list[tuple[str, str, dict | None, object]]:
    """(name, user, cookies or None, request(client, i) -> (status, text)) per target."""
    worker = sign_in(args.port, CASE_WORKER, data["password"])
    office = sign_in(args.port, TE_OFFICE, data["password"])
    search_form = {"csrfmiddlewaretoken": csrf_token(worker, "/job-seekers/"), "query": SEARCH_NAME}
    persons = data["sample_persons"]
    worker.close()
    office.close()

    def get(path):
        return lambda client, i: client.request("GET", path)[:2]

    targets = [
        ("baseline: /healthz", "-", None, get("/healthz")),
        ("baseline: /trial-areas/", "-", None, get("/trial-areas/")),
        ("TE worklist (due transfers)", TE_OFFICE, office.cookies, get("/transfers/due/")),
        ("case worker's worklist", CASE_WORKER, worker.cookies, get("/service/worklist/?scope=mine")),
        (
            "municipality's worklist",
            CASE_WORKER,
            worker.cookies,
            get("/service/worklist/?scope=municipality"),
        ),
        (
            "person page",
            CASE_WORKER,
            worker.cookies,
            lambda client, i: client.request("GET", f"/job-seekers/{persons[i % len(persons)]}/")[:2],
        ),
        (
            "service-process page",
            CASE_WORKER,
            worker.cookies,
            lambda client, i: client.request("GET", f"/job-seekers/{persons[i % len(persons)]}/service/")[:2],
        ),
        (
            f"search by name ({SEARCH_NAME})",
            CASE_WORKER,
            worker.cookies,
            lambda client, i: client.request("POST", "/job-seekers/", search_form)[:2],
        ),
    ]
    if args.targets:
        wanted = {t.strip() for t in args.targets.split(",")}
        targets = [t for t in targets if any(w in t[0] for w in wanted)]
    return targets


def _measure(args, data: dict) -> list[dict]:
    results = []
    for name, user, cookies, call in _targets(args, data):
        _drained(args.port)
        first = Client(args.port, cookies)
        status, text = call(first, 0)
        first.close()
        assert status == 200, f"{name}: {status} before the load"
        result = run_load(args.port, cookies, call, args.clients, args.warmup, args.duration)
        results.append({"target": name, "user": user, "bytes": len(text.encode())} | result)
        print(
            f"  {name}: {result['rps']:.1f} req/s, p95 {result['p95_ms']:.0f} ms, {result['errors']} errors",
            file=sys.stderr,
            flush=True,
        )
    return results


def _drained(port: int, timeout: float = 600) -> None:
    """Wait until the server answers /healthz within a second: the previous target's requests still
    queued at the server (their clients gone) are done, so that they do not count against this one."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        probe = Client(port)
        began = time.monotonic()
        with contextlib.suppress(OSError, http.client.HTTPException):
            if probe.request("GET", "/healthz")[0] == 200 and time.monotonic() - began < 1:
                probe.close()
                return
        probe.close()
        time.sleep(1)


def run_load(port: int, cookies, call, clients: int, warmup: float, duration: float) -> dict:
    """`clients` threads, each requesting again as soon as its answer is read, until the end; the answers
    that arrive within the `duration` after the warm-up count (throughput = those answers / duration;
    their latencies, however long, whenever the request began). An answer after the end is not waited
    for beyond two minutes."""
    start = time.monotonic() + 0.2
    measure_from, stop = start + warmup, start + warmup + duration
    lock, latencies, errors, counter = threading.Lock(), [], [], [0]

    def loop(index: int) -> None:
        client = Client(port, cookies)
        mine, failed = [], []
        while time.monotonic() < start:
            time.sleep(0.01)
        while True:
            with lock:
                counter[0] += 1
                i = counter[0]
            began = time.monotonic()
            if began >= stop:
                break
            try:
                status = call(client, i)[0]
            except (OSError, http.client.HTTPException) as exc:
                status = type(exc).__name__
            ended = time.monotonic()
            if measure_from <= ended <= stop:
                mine.append(ended - began)
                if status != 200:
                    failed.append(status)
        client.close()
        with lock:
            latencies.extend(mine)
            errors.extend(failed)

    threads = [threading.Thread(target=loop, args=(n,), daemon=True) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=warmup + duration + 120)
    latencies.sort()
    return {
        "clients": clients,
        "seconds": duration,
        "requests": len(latencies),
        "rps": len(latencies) / duration,
        "p50_ms": _percentile(latencies, 50) * 1000,
        "p95_ms": _percentile(latencies, 95) * 1000,
        "p99_ms": _percentile(latencies, 99) * 1000,
        "max_ms": (latencies[-1] if latencies else 0) * 1000,
        "errors": len(errors),
        "error_kinds": sorted({str(e) for e in errors}),
    }


def _percentile(sorted_values: list[float], p: float) -> float:
    """Nearest rank."""
    if not sorted_values:
        return float("nan")
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[int(rank) - 1]


# --- the report --------------------------------------------------------------------------------------


def _machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line), "")
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    mem_kb = next((int(line.split()[1]) for line in meminfo.splitlines() if line.startswith("MemTotal")), 0)
    return {
        "cores": os.cpu_count(),
        "cpu": model,
        "memory_gib": round(mem_kb / 2**20, 1),
        "python": platform.python_version(),
        "load_before": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
        "date": dt.date.today().isoformat(),
    }


def _settings(args) -> dict:
    keys = ("clients", "duration", "warmup", "workers", "today", "due")
    return {k: getattr(args, k) for k in keys}


def table(report: dict) -> str:
    m, d, s = report["machine"], report["data"], report["settings"]
    lines = [
        f"machine: {m['cores']} cores ({m['cpu']}), {m['memory_gib']} GiB, "
        f"load average before {m['load_before']:.1f}",
        f"data: {d['persons']:,} persons, {d['customerships']:,} customerships "
        f"({d['helsinki_customers']:,} of Helsinki), {d['open_due_transfers']:,} open due transfers",
        f"load: {s['clients']} closed-loop clients, {s['warmup']:.0f} s warm-up, "
        f"{s['duration']:.0f} s measured; "
        f"gunicorn {s['workers']} sync workers, DEBUG=0, PostgreSQL",
        "",
        "| target | code | user | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | KB |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in sorted(report["results"], key=lambda r: _order(report["results"], r)):
        lines.append(
            f"| {r['target']} | {r.get('code', '')} | {r['user']} | {r['rps']:.1f} | {r['p50_ms']:.0f} "
            f"| {r['p95_ms']:.0f} "
            f"| {r['p99_ms']:.0f} | {r['max_ms']:.0f} | {r['errors']} | {r['bytes'] / 1024:.0f} |"
        )
    if report.get("profile"):
        p = report["profile"]
        lines += [
            "",
            f"profile of {p['pages']} person pages in one process (DEBUG=0): {p['ms_per_page']:.1f} ms "
            f"a page, {p['queries_per_page']:.1f} SQL queries a page; cumulative shares (they overlap):",
        ]
        lines += [f"- {name}: {share:.0%}" for name, share in p["shares"].items()]
    return "\n".join(lines)


def _order(results: list[dict], r: dict) -> tuple:
    names = list(dict.fromkeys(x["target"] for x in results))
    return (names.index(r["target"]), r.get("code", "") != "before")


# --- the profile -------------------------------------------------------------------------------------

SHARES = {
    "SQL: executing (the driver and the round trip)": "django/db/backends/utils.py:_execute",
    "SQL: compiling querysets": "django/db/models/sql/compiler.py:as_sql",
    "templates": "django/template/base.py:render",
    "permission checks (catalogue)": "kuntakokeilu/access/actions.py:allows",
    "rule evaluation": "kuntakokeilu/rules/registry.py:run",
}


def _profile(env: dict, args) -> dict:
    command = [sys.executable, "-m", "benchmarks.serve_load", "--step", "profile"]
    command += ["--profile", str(args.profile), "--persons", str(args.persons), "--today", args.today]
    return json.loads(_run(command, env).strip().splitlines()[-1])


def _profile_step(args) -> dict:
    """In a child process: `--profile` person pages of Helsinki customers through Django's test client as
    the case worker, under cProfile; each share is the cumulative time of one function over the total."""
    import cProfile
    import pstats

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from kuntakokeilu.customers.models import Customership

    rows = Customership.objects.filter(municipality__code="091", valid_to=None).order_by("person_id")
    persons = list(rows.values_list("person_id", flat=True)[: args.profile])
    client = Client(HTTP_HOST="127.0.0.1", secure=True)
    client.force_login(get_user_model().objects.get(username=CASE_WORKER))
    client.get(f"/job-seekers/{persons[0]}/")  # warm
    counted = [0]

    def count(execute, sql, params, many, context):  # the test client resets connection.queries per request
        counted[0] += 1
        return execute(sql, params, many, context)

    profiler = cProfile.Profile()
    started = time.perf_counter()
    with connection.execute_wrapper(count):
        profiler.enable()
        for pk in persons:
            assert client.get(f"/job-seekers/{pk}/").status_code == 200
        profiler.disable()
    elapsed = time.perf_counter() - started
    queries = counted[0]
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = elapsed
    shares = {}
    for name, wanted in SHARES.items():
        path, function = wanted.split(":")
        shares[name] = sum(v[3] for k, v in stats.items() if k[0].endswith(path) and k[2] == function) / total
    return {
        "pages": len(persons),
        "ms_per_page": elapsed * 1000 / len(persons),
        "queries_per_page": queries / len(persons),
        "shares": shares,
    }


if __name__ == "__main__":
    main()
