"""Disclosure control of counts of persons that leave the system (R-MON-4): pure, no database.

**Method: cell suppression with complementary suppression** (not rounding). Every count from 1 to
threshold − 1 (the dated parameter `publicstats.disclosure_threshold`, 5 persons from 1.3.2021; Statistics Act
280/2004 asks that no one be identifiable, the number is the project's policy) is withheld: primary
suppression, reason `below_threshold`. A table is published with its row totals, column totals and grand total
(computed here from the cells), and those are cells too: a total of 1–4 is withheld as well.

A withheld cell must not be recoverable from what is shown. The shown cells and totals are linear equations
over the withheld ones (each row: its cells sum to its total; each column likewise, the row totals to the
grand total). A withheld value is recoverable exactly when its unit vector lies in the row space of those
equations; `recoverable` decides it by exact elimination over fractions. While some withheld cell is
recoverable, the cheapest rectangle through it is withheld too (reason `complementary`): four corners in two
rows and two columns of the extended table, totals included, whose values can move by +t/−t without changing
any shown total. The rectangle's cost is, in order: its zero corners (a zero blocks one direction), the counts
newly withheld, their number. This is greedy, not optimal (it may withhold more than the least possible), and
it protects one table: tables that overlap (the same counts cut two ways, or a month and its year) must be
protected together as one table.

**Zeros are shown** (policy choice, stated here and in the parameter file): 0 tells of no person.
Zero corners are avoided in the complementary rectangles (above), so that with non-negative counts a
withheld cell still has a range.

Interface for the other apps (monitoring, exchange, what-if):

    protected = protect({"Kajaani": {"2022-03": 12, "2022-04": 3}, ...}, on=date, params=default_store())
    protected.cell("Kajaani", "2022-04")  -> Cell(value=None, reason="below_threshold")
    protected.row_total("Kajaani"), protected.column_total("2022-04"), protected.total

and `protect_counts({key: n}, on=..., params=...)` for a plain list of counts with no totals shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from django.utils.translation import gettext_lazy as _

PARAMETER = "publicstats.disclosure_threshold"
BELOW_THRESHOLD = "below_threshold"
COMPLEMENTARY = "complementary"
REASONS = {
    BELOW_THRESHOLD: _("fewer than %(threshold)s persons"),
    COMPLEMENTARY: _("withheld so that a small count cannot be worked out from the totals"),
}
TOTAL = "__total__"  # the key of the totals' row and column inside the extended table


@dataclass(frozen=True)
class Cell:
    """A shown count (`value`, `reason` None) or a withheld one (`value` None, `reason` a code of REASONS)."""

    value: int | None
    reason: str | None = None

    @property
    def suppressed(self) -> bool:
        return self.reason is not None


@dataclass(frozen=True)
class ProtectedTable:
    """The table as it may leave the system. `rows` and `columns` keep the input's order."""

    rows: tuple
    columns: tuple
    cells: Mapping[Hashable, Mapping[Hashable, Cell]]
    row_totals: Mapping[Hashable, Cell]
    column_totals: Mapping[Hashable, Cell]
    total: Cell
    threshold: int
    reference: str
    suppressed: int = field(default=0)  # how many cells and totals are withheld

    def cell(self, row, column) -> Cell:
        return self.cells[row][column]

    def row_total(self, row) -> Cell:
        return self.row_totals[row]

    def column_total(self, column) -> Cell:
        return self.column_totals[column]


def threshold_on(on: dt.date, params) -> tuple[int, str]:
    """(the threshold, its reference) in force on `on`."""
    value = params.get(PARAMETER, on)
    return int(value.value), value.reference


def is_small(value: int, threshold: int) -> bool:
    """A count of persons withheld by itself: 1 … threshold − 1 (0 is shown)."""
    return 0 < value < threshold


def protect_counts(counts: Mapping[Hashable, int], *, on: dt.date, params) -> dict[Hashable, Cell]:
    """Counts shown with no total (a list): only the small ones are withheld. Publishing their sum as well
    makes them a table: use `protect`."""
    threshold, _reference = threshold_on(on, params)
    return {
        key: Cell(None, BELOW_THRESHOLD) if is_small(n, threshold) else Cell(n) for key, n in counts.items()
    }


def protect(table: Mapping[Hashable, Mapping[Hashable, int]], *, on: dt.date, params) -> ProtectedTable:
    """The table of counts (row -> column -> count ≥ 0; a missing cell is 0) with its totals, the small
    counts withheld and as many more as keep each withheld one from being worked out from what is shown."""
    threshold, reference = threshold_on(on, params)
    rows = tuple(table)
    columns: list = []
    for row in rows:
        for column in table[row]:
            if column not in columns:
                columns.append(column)
    for row in rows:
        for column, value in table[row].items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"count {row!r}/{column!r} must be a whole number ≥ 0, not {value!r}")
    values = extended(table, rows, tuple(columns))
    reasons = suppress(values, rows, tuple(columns), threshold)

    def cell(key) -> Cell:
        return Cell(None, reasons[key]) if key in reasons else Cell(values[key])

    return ProtectedTable(
        rows=rows,
        columns=tuple(columns),
        cells={r: {c: cell((r, c)) for c in columns} for r in rows},
        row_totals={r: cell((r, TOTAL)) for r in rows},
        column_totals={c: cell((TOTAL, c)) for c in columns},
        total=cell((TOTAL, TOTAL)),
        threshold=threshold,
        reference=reference,
        suppressed=len(reasons),
    )


def extended(table, rows: Sequence, columns: Sequence) -> dict[tuple, int]:
    """Every cell and total of the table, keyed (row, column) with TOTAL for the margins."""
    values = {(r, c): table[r].get(c, 0) for r in rows for c in columns}
    for r in rows:
        values[(r, TOTAL)] = sum(values[(r, c)] for c in columns)
    for c in columns:
        values[(TOTAL, c)] = sum(values[(r, c)] for r in rows)
    values[(TOTAL, TOTAL)] = sum(values[(r, TOTAL)] for r in rows)
    return values


def equations(rows: Sequence, columns: Sequence) -> list[dict[tuple, int]]:
    """The additive relations of the extended table, each as {cell: coefficient} summing to 0."""
    out = []
    for r in (*rows, TOTAL):
        out.append({**{(r, c): 1 for c in columns}, (r, TOTAL): -1})
    for c in (*columns, TOTAL):
        out.append({**{(r, c): 1 for r in rows}, (TOTAL, c): -1})
    return out


def recoverable(rows: Sequence, columns: Sequence, withheld: set) -> list[tuple]:
    """The withheld cells whose value follows from the shown cells and totals by the table's equations, in
    the table's order. Exact: Gauss–Jordan elimination over fractions on the withheld cells' coefficients
    (the shown values only move to the right-hand side, which does not decide recoverability)."""
    order = [key for key in _all_keys(rows, columns) if key in withheld]
    index = {key: i for i, key in enumerate(order)}
    matrix = []
    for equation in equations(rows, columns):
        row = [Fraction(0)] * len(order)
        for key, coefficient in equation.items():
            if key in index:
                row[index[key]] = Fraction(coefficient)
        if any(row):
            matrix.append(row)
    pivots = _rref(matrix, len(order))
    # e_k is in the row space of the reduced matrix iff column k is a pivot whose row has no other entry.
    found = []
    for column, row in pivots.items():
        if sum(1 for x in matrix[row] if x) == 1:
            found.append(order[column])
    return sorted(found, key=index.__getitem__)


def _rref(matrix: list[list[Fraction]], width: int) -> dict[int, int]:
    """Reduce `matrix` in place to reduced row echelon form; {pivot column: its row}."""
    pivots: dict[int, int] = {}
    top = 0
    for column in range(width):
        pivot = next((i for i in range(top, len(matrix)) if matrix[i][column]), None)
        if pivot is None:
            continue
        matrix[top], matrix[pivot] = matrix[pivot], matrix[top]
        lead = matrix[top][column]
        matrix[top] = [x / lead for x in matrix[top]]
        for i in range(len(matrix)):
            if i != top and matrix[i][column]:
                factor = matrix[i][column]
                matrix[i] = [a - factor * b for a, b in zip(matrix[i], matrix[top], strict=True)]
        pivots[column] = top
        top += 1
    return pivots


def _all_keys(rows: Sequence, columns: Sequence) -> list[tuple]:
    return [(r, c) for r in (*rows, TOTAL) for c in (*columns, TOTAL)]


def suppress(
    values: Mapping[tuple, int], rows: Sequence, columns: Sequence, threshold: int
) -> dict[tuple, str]:
    """The withheld cells of the extended table and why: primary first, then complementary rectangles until
    none is recoverable (withholding more never makes a withheld cell recoverable, so this ends)."""
    reasons = {key: BELOW_THRESHOLD for key in _all_keys(rows, columns) if is_small(values[key], threshold)}
    while exposed := recoverable(rows, columns, set(reasons)):
        covered: set[tuple] = set()
        for target in exposed:
            if target in covered:
                continue
            rectangle = _rectangle(target, values, rows, columns, reasons)
            for key in rectangle:
                reasons.setdefault(key, COMPLEMENTARY)
            covered.update(rectangle)
    return reasons


def _rectangle(target: tuple, values, rows, columns, reasons) -> tuple[tuple, ...]:
    """The three other corners of the cheapest rectangle through `target` (rows and columns of the extended
    table, totals included): changing its corners by +t, −t, −t, +t (signs by the corners' lines) keeps every
    total, so none of its cells follows from the totals any more. Cheapest: fewest zero corners (a zero
    blocks one direction of change), then the least count newly withheld, then fewest cells, then order."""
    r, c = target
    position = {key: i for i, key in enumerate(_all_keys(rows, columns))}
    best = None
    for other_row in (*rows, TOTAL):
        if other_row == r:
            continue
        for other_column in (*columns, TOTAL):
            if other_column == c:
                continue
            corners = ((r, other_column), (other_row, c), (other_row, other_column))
            new = [k for k in corners if k not in reasons]
            key = (
                sum(1 for k in corners if values[k] == 0),
                sum(values[k] for k in new),
                len(new),
                [position[k] for k in corners],
            )
            if best is None or key < best[0]:
                best = (key, corners)
    assert best is not None, "a table has at least its total row and column besides the target's"
    return best[1]
