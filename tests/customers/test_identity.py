"""The personal identity code (henkilötunnus) parser (R-TG-1, R-X-3)."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kuntakokeilu.customers.identity import (
    CENTURIES,
    InvalidHenkilotunnus,
    make_henkilotunnus,
    parse_henkilotunnus,
)

pytestmark = pytest.mark.nodb


@pytest.mark.parametrize(
    ("code", "birth_date"),
    [
        ("131052-308T", dt.date(1952, 10, 13)),  # the Digital and Population Data Services Agency's example
        ("131052W308T", dt.date(1952, 10, 13)),  # the same person with a 2023 sign for the 1900s
        ("010594Y9032", dt.date(1994, 5, 1)),
        ("020502E902X", dt.date(2002, 5, 2)),  # a 2023 sign for the 2000s, temporary individual number
        (make_henkilotunnus(dt.date(1899, 12, 31), 123, "+"), dt.date(1899, 12, 31)),
    ],
)
def test_valid_codes_and_their_birth_dates(code, birth_date):
    assert parse_henkilotunnus(code).birth_date == birth_date


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("131052-308", "format"),
        ("131052-308TT", "format"),
        ("131052G308T", "century_sign"),
        ("310252-308T", "date"),  # 31 February
        ("290201A123X", "date"),  # 29.2.2001 did not exist
        ("131052-000T", "individual_number"),
        ("131052-308U", "checksum"),
        ("", "format"),
    ],
)
def test_invalid_codes_say_why(code, reason):
    with pytest.raises(InvalidHenkilotunnus) as err:
        parse_henkilotunnus(code)
    assert err.value.reason == reason
    assert str(err.value)


def test_lower_case_and_spaces_are_read():
    assert parse_henkilotunnus(" 131052-308t ").code == "131052-308T"


@given(
    st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.integers(min_value=2, max_value=999),
    st.data(),
)
def test_every_composed_code_parses_back(birth_date, individual, data):
    century = birth_date.year // 100 * 100
    sign = data.draw(st.sampled_from([s for s, c in CENTURIES.items() if c == century]))
    code = make_henkilotunnus(birth_date, individual, sign)
    parsed = parse_henkilotunnus(code)
    assert (parsed.birth_date, parsed.individual_number) == (birth_date, individual)


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(1999, 12, 31)),
    st.integers(2, 899),
    st.integers(0, 10),
    st.sampled_from("0123456789"),
)
def test_any_single_digit_change_is_caught(birth_date, individual, position, digit):
    code = make_henkilotunnus(birth_date, individual)
    index = position if position < 6 else position + 1  # skip the century sign
    if index > 9 or code[index] == digit:
        return
    changed = code[:index] + digit + code[index + 1 :]
    with pytest.raises(InvalidHenkilotunnus):
        parse_henkilotunnus(changed)
