"""Hypothesis over the job-seeker import (issue 12, item 6; R-INT-2, R-X-3, R-TG-1): CSV files of good
rows mixed with corrupted cells (bad identity codes, bad or far dates, unknown municipality codes, over-long
values, NUL, odd unicode, quotes and line breaks), ragged rows, a byte-order mark, other encodings, an empty
file.

The import never raises anything but ImportRejected; it is all or nothing (rejected: no person and no fact
stored; imported: every person of the file is in the register); every error names a line of the file and a
field, and reads in the user's language (Finnish or Swedish, not the English it is written in). The number of
cases run is printed at the end of the run.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.importer import COLUMNS, ImportRejected, import_job_seekers
from kuntakokeilu.customers.models import Fact, Person
from kuntakokeilu.customers.statuses import STATUS_CODES
from tests.fuzzing import CASES, bounded

pytestmark = pytest.mark.django_db

EXAMPLES = 200
# Real municipalities (R-REF-1): Helsinki, Porvoo, Kajaani, Oulu, Honkajoki (merged in 2021); then no one's.
REAL_CODES = ["091", "638", "205", "564", "099"]
UNKNOWN_CODES = ["000", "999", "9", "0910", "O91"]

hetus = st.builds(
    make_henkilotunnus, st.dates(dt.date(1900, 1, 1), dt.date(2008, 12, 31)), st.integers(2, 899)
)
dates = st.dates(dt.date(2019, 1, 1), dt.date(2026, 12, 31)).map(dt.date.isoformat)
names = st.text(st.characters(categories=["L"]), min_size=1, max_size=20)
flags = st.sampled_from(["true", "false", "", "1", "0", "TRUE"])

GOOD = {
    "henkilotunnus": hetus,
    "last_name": names,
    "first_name": names,
    "service_language": st.sampled_from(["fi", "sv"]),
    "valid_from": dates,
    "kotikunta": st.sampled_from([*REAL_CODES, ""]),
    "residence": st.sampled_from(["", "", "091"]),
    "mother_tongue": st.sampled_from(["fi", "sv", "se", "so", "ru", "xx", ""]),
    "immigrant": flags,
    "status": st.sampled_from([*STATUS_CODES, ""]),
    "earnings_related_entitlement": flags,
    "temporary_protection": flags,
    "change_security_55": st.just(""),
    "change_security_notice_date": st.just(""),
    "job_search_start": st.one_of(st.just(""), dates),
    "job_search_end": st.just(""),
}
BAD = st.one_of(
    st.sampled_from(["131052-308U", "131052-308T ", "3110520308T", "000000-0000", "010100A000X"]),  # identity
    st.sampled_from(
        ["0001-01-01", "9999-12-31", "1899-12-31", "2100-01-01", "2021-02-30", "20210301", "1.3.2021"]
    ),
    st.sampled_from(UNKNOWN_CODES),
    st.sampled_from(
        ["x" * 101, "ä" * 5000, "a\x00b", "\x00", "\ufeff", "\u202e", "𝔘𝔫𝔦", "\ud7ff", '"', "a\nb"]
    ),
    st.sampled_from(["yes", "kyllä", "maybe", "FI", "de", "unemployed ", "UNEMPLOYED"]),
    st.text(max_size=15),
)


def cell(value: str) -> str:
    """A CSV cell: quoted when it must be, as a spreadsheet writes it."""
    if any(c in value for c in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


@st.composite
def csv_rows(draw) -> list[list[str]]:
    rows = []
    for _ in range(draw(st.integers(1, 4))):
        row = {column: draw(strategy) for column, strategy in GOOD.items()}
        if draw(st.sampled_from([False, True])):  # a corrupted cell or two
            for column in draw(st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=2, unique=True)):
                row[column] = draw(BAD)
        cells = [row[c] for c in COLUMNS]
        shape = draw(st.sampled_from(["row", "row", "row", "short", "long"]))
        rows.append(cells[:-1] if shape == "short" else [*cells, "x"] if shape == "long" else cells)
    return rows


@st.composite
def csv_files(draw) -> bytes:
    kind = draw(st.sampled_from(["csv", "csv", "csv", "csv", "bom", "latin-1", "utf-16", "empty", "header"]))
    header = ",".join(COLUMNS)
    if kind == "empty":
        return b""
    if kind == "header":
        return (header + "\n").encode()
    rows = draw(csv_rows())
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = newline.join([header, *(",".join(cell(v) for v in row) for row in rows)]) + newline
    if kind == "bom":
        return "\ufeff".encode() + text.encode("utf-8", "surrogatepass")
    if kind in ("latin-1", "utf-16"):
        return text.encode(kind, "replace")
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate makes it invalid UTF-8


def codes_in(data: bytes) -> set[str]:
    """The identity codes the file's first column holds (of the rows that have one that looks like one)."""
    text = data.decode("utf-8-sig", "replace")
    return {line.split(",")[0] for line in text.splitlines()[1:] if len(line.split(",")[0]) == 11}


def test_the_import_is_all_or_nothing_and_every_error_names_line_and_field():
    """R-INT-2, R-X-3: either every row is imported or none, with errors by line and field in the user's
    language; never an exception other than ImportRejected."""
    count = 0
    outcomes = {"imported": 0, "rejected": 0}

    @given(data=csv_files(), lang=st.sampled_from(["fi", "sv"]))
    @bounded(EXAMPLES)
    def fuzz(data, lang):
        nonlocal count
        count += 1
        persons, facts = Person.objects.count(), Fact.objects.count()
        try:
            with translation.override(lang):
                import_job_seekers(data, source="työnhakijat.csv")
        except ImportRejected as exc:
            outcomes["rejected"] += 1
            assert (Person.objects.count(), Fact.objects.count()) == (persons, facts)  # nothing stored
            lines = max(1, data.count(b"\n") + 1)
            assert exc.errors
            for error in exc.errors:
                assert 1 <= error.line <= lines and str(error.field).strip() and str(error.reason).strip()
            with translation.override("en"):
                english = _errors(data)
            assert [(e.line) for e in exc.errors] == [e.line for e in english]
            for error, in_english in zip(exc.errors, english, strict=True):
                assert str(error.reason) != str(in_english.reason), (lang, str(error.reason))
            with translation.override(lang):
                assert str(exc.errors[0]).startswith({"fi": "rivi ", "sv": "rad "}[lang])
        else:
            outcomes["imported"] += 1
            codes = codes_in(data)
            assert Person.objects.filter(henkilotunnus__in=codes).count() == len(codes)

    fuzz()
    CASES["job-seeker import (CSV files)"] += count
    assert outcomes["imported"] and outcomes["rejected"], outcomes  # both ways were tried


def _errors(data: bytes):
    try:
        import_job_seekers(data, source="työnhakijat.csv")
    except ImportRejected as exc:
        return exc.errors
    raise AssertionError("rejected in one language, imported in another")
