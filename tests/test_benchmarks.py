"""The benchmark's baselines (benchmarks/baselines.py, issue 6 item 8) are measured on the same rows as the
product: at a tiny N on the test database, (a) and (b) each insert as many customership rows as the
initial transfer wrote, and (b) decides as the product did. (The benchmark asserts the same at every run;
CI's bench-smoke runs it at 3,000 persons on both databases.)"""

import datetime as dt

import pytest

from benchmarks import baselines
from kuntakokeilu.customers import transfers
from kuntakokeilu.customers.synthetic import generate

START = dt.date(2021, 3, 1)


@pytest.fixture
def transferred(db):
    generate(200, seed=11)
    summary = transfers.initial(START)
    assert summary.transferred > 0
    return baselines.product_rows()  # the copy table goes with the test's transaction


def test_baseline_a_inserts_the_products_rows(transferred):
    """R-TG-3 / issue 6 item 8: baseline (a) is the raw insert of exactly the rows the product wrote."""
    baselines.create_copy()
    baselines.insert_rows(transferred)
    assert baselines.copy_count() == len(transferred)


def test_baseline_b_decides_as_the_product(transferred):
    """R-TG-3 / issue 6 item 8: baseline (b) evaluates the same rule on the same persons' facts and stores
    the same number of rows, with the product's decisions."""
    baselines.create_copy()
    rows = baselines.plain_rows(START)
    baselines.insert_rows(rows)
    assert baselines.copy_count() == len(transferred) == len(rows)
    assert baselines.differences(transferred, rows) == []


def test_serve_load_signs_in_through_the_form_and_counts_answers_and_errors(live_server, transactional_db):
    """Issue 12 item 7 (R-X-1): the load benchmark's client signs in through the real sign-in form (its
    CSRF token and cookie), its closed loop counts the answers of a worklist page with their latencies,
    and counts every answer other than 200 (an anonymous client is sent to sign in) as an error."""
    from urllib.parse import urlparse

    from benchmarks import serve_load
    from kuntakokeilu.access.demo import DEMO_PASSWORD, ensure_demo_users
    from kuntakokeilu.regions.services import load_reference_data

    load_reference_data()
    ensure_demo_users()
    port = urlparse(live_server.url).port
    signed_in = serve_load.sign_in(port, "sanna.makinen", DEMO_PASSWORD)
    signed_in.close()

    def worklist(client, i):
        return client.request("GET", "/transfers/due/")[:2]

    ok = serve_load.run_load(port, signed_in.cookies, worklist, clients=3, warmup=0.2, duration=1.0)
    assert ok["requests"] > 0 and ok["errors"] == 0
    assert 0 < ok["p50_ms"] <= ok["p95_ms"] <= ok["p99_ms"] <= ok["max_ms"]
    anonymous = serve_load.run_load(port, None, worklist, clients=2, warmup=0.1, duration=0.5)
    assert anonymous["requests"] > 0 and anonymous["errors"] == anonymous["requests"]
    assert anonymous["error_kinds"] == ["302"]
