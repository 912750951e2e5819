"""Disclosure control (issue 19 item 5, R-MON-4): counts of 1–4 never shown, and no withheld cell can be
worked out from the shown cells and the row and column totals (complementary suppression)."""

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kuntakokeilu.publicstats import disclosure
from kuntakokeilu.publicstats.disclosure import BELOW_THRESHOLD, COMPLEMENTARY, protect, protect_counts
from kuntakokeilu.rules.parameters import NoParameterValue, default_store

pytestmark = pytest.mark.nodb
ON = dt.date(2022, 3, 31)
PARAMS = default_store()


def published(protected):
    """Everything shown: {(row, column): value} with "T" for the totals, and the hidden keys."""
    shown, hidden = {}, []
    grid = {(r, c): protected.cell(r, c) for r in protected.rows for c in protected.columns}
    grid |= {(r, "T"): protected.row_total(r) for r in protected.rows}
    grid |= {("T", c): protected.column_total(c) for c in protected.columns}
    grid[("T", "T")] = protected.total
    for key, cell in grid.items():
        if cell.suppressed:
            assert cell.value is None
            hidden.append(key)
        else:
            shown[key] = cell.value
    return shown, hidden


def feasible(protected, cap):
    """An independent attacker: every non-negative integer filling of the hidden cells (each ≤ cap) that
    agrees with every shown cell and total. Brute force, small tables only."""
    shown, hidden = published(protected)
    rows, columns = protected.rows, protected.columns
    interior = [k for k in hidden if k[0] != "T" and k[1] != "T"]
    for values in itertools.product(range(cap + 1), repeat=len(interior)):
        full = dict(shown) | dict(zip(interior, values, strict=True))
        if any((r, c) not in full for r in rows for c in columns):
            continue
        row_totals = {r: sum(full[(r, c)] for c in columns) for r in rows}
        column_totals = {c: sum(full[(r, c)] for r in rows) for c in columns}
        total = sum(row_totals.values())
        if any((r, "T") in shown and shown[(r, "T")] != v for r, v in row_totals.items()):
            continue
        if any(("T", c) in shown and shown[("T", c)] != v for c, v in column_totals.items()):
            continue
        if ("T", "T") in shown and shown[("T", "T")] != total:
            continue
        full |= {(r, "T"): v for r, v in row_totals.items()} | {("T", c): v for c, v in column_totals.items()}
        full[("T", "T")] = total
        yield full


def test_a_small_count_and_its_complements():
    """One count of 3 in a 2 × 3 table: a rectangle of four cells is withheld, the totals stay."""
    protected = protect(
        {"Kajaani": {"x": 3, "y": 10, "z": 7}, "Kuhmo": {"x": 8, "y": 9, "z": 12}}, on=ON, params=PARAMS
    )
    assert protected.cell("Kajaani", "x") == disclosure.Cell(None, BELOW_THRESHOLD)
    shown, hidden = published(protected)
    assert len(hidden) == 4 and all(
        protected.cell(*k).reason == COMPLEMENTARY for k in hidden if k != ("Kajaani", "x")
    )
    assert shown[("T", "T")] == 49 and shown[("Kajaani", "T")] == 20
    assert {full[("Kajaani", "x")] for full in feasible(protected, cap=14)} >= {2, 3, 4}
    assert protected.threshold == 5 and "L280/2004" in protected.reference


def test_zeros_and_counts_of_five_are_shown_totals_under_five_are_not():
    protected = protect({"a": {"x": 0, "y": 5}, "b": {"x": 0, "y": 6}}, on=ON, params=PARAMS)
    assert protected.suppressed == 0 and protected.column_total("x").value == 0
    small_total = protect({"a": {"x": 2, "y": 0}, "b": {"x": 9, "y": 7}}, on=ON, params=PARAMS)
    assert small_total.row_total("a").value is None and small_total.cell("a", "x").value is None
    fillings = list(feasible(small_total, cap=20))
    for key in published(small_total)[1]:
        assert len({full[key] for full in fillings}) > 1, key


def test_protect_counts_withholds_only_the_small_ones():
    assert protect_counts({"a": 0, "b": 4, "c": 5}, on=ON, params=PARAMS) == {
        "a": disclosure.Cell(0),
        "b": disclosure.Cell(None, BELOW_THRESHOLD),
        "c": disclosure.Cell(5),
    }


def test_the_threshold_is_a_dated_parameter():
    assert disclosure.threshold_on(ON, PARAMS)[0] == 5
    with pytest.raises(NoParameterValue):
        disclosure.threshold_on(dt.date(2020, 1, 1), PARAMS)


def test_bad_counts_are_refused():
    for bad in (-1, 2.5, True, None):
        with pytest.raises(ValueError):
            protect({"a": {"x": bad}}, on=ON, params=PARAMS)


counts = st.one_of(st.integers(0, 6), st.integers(0, 40))


@st.composite
def tables(draw, max_rows=4, max_columns=4, values=counts):
    n_rows = draw(st.integers(1, max_rows))
    n_columns = draw(st.integers(1, max_columns))
    return {f"r{i}": {f"c{j}": draw(values) for j in range(n_columns)} for i in range(n_rows)}


@settings(max_examples=300, deadline=None)
@given(tables())
def test_no_small_count_is_shown_and_none_withheld_follows_from_the_totals(table):
    protected = protect(table, on=ON, params=PARAMS)
    shown, hidden = published(protected)
    for value in shown.values():
        assert value == 0 or value >= 5
    # shown values are the true ones
    for r in protected.rows:
        for c in protected.columns:
            if (r, c) in shown:
                assert shown[(r, c)] == table[r][c]
    # no withheld cell is determined by one row or column: each line with a withheld cell has two
    lines = {}
    for r, c in hidden:
        lines.setdefault(("row", r), []).append(c)
        lines.setdefault(("column", c), []).append(r)
    assert all(len(members) != 1 for members in lines.values())
    # nor by any combination of the equations (the module's exact check)
    assert disclosure.recoverable(protected.rows, protected.columns, set(hidden_keys(hidden))) == []


def hidden_keys(hidden):
    t = disclosure.TOTAL
    return [(t if r == "T" else r, t if c == "T" else c) for r, c in hidden]


@settings(max_examples=40, deadline=None)
@given(tables(max_rows=3, max_columns=3, values=st.integers(0, 9)))
def test_an_attacker_who_tries_every_filling_finds_more_than_one_value(table):
    """Brute force, independent of the module: for every withheld cell, at least two non-negative integer
    tables agree with everything shown (the true one among them)."""
    protected = protect(table, on=ON, params=PARAMS)
    _shown, hidden = published(protected)
    if len([k for k in hidden if "T" not in k]) > 4:  # keep the brute force small; the exact check covers all
        return
    fillings = list(feasible(protected, cap=13))
    for key in hidden:
        values = {full[key] for full in fillings}
        if "T" not in key:
            assert table[key[0]][key[1]] in values
        assert len(values) > 1, (key, table)
