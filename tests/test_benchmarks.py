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
