"""The business id's check digit (R-SP-7): public business ids from the Finnish business information
system (YTJ) pass, and changed ones fail."""

import pytest

from kuntakokeilu.employers import business_id

# Public business ids, each checked here with the algorithm: Helsingin kaupunki, Nokia Oyj, Kansaneläkelaitos.
PUBLIC = ["0201256-6", "0112038-9", "0246246-0"]


@pytest.mark.parametrize("value", PUBLIC)
def test_public_business_ids_pass(value):
    assert business_id.is_valid(value)
    assert business_id.problem(value) is None


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("0201256-5", "check_digit"),  # Helsinki's id with a wrong check digit
        ("0112038-0", "check_digit"),
        ("0207264-2", "check_digit"),  # remainder 2 → the check digit is 9, not 2
        ("3141592-0", "check_digit"),  # remainder 1: no valid id has these digits
        ("0201256", "format"),
        ("02012566", "format"),
        ("0201256-66", "format"),
        ("O201256-6", "format"),
        ("", "format"),
    ],
)
def test_bad_business_ids_fail(value, problem):
    assert not business_id.is_valid(value)
    assert business_id.problem(value) == problem


def test_the_check_digit_by_its_weights():
    """Weights 7, 9, 10, 5, 8, 4, 2; remainder 0 → 0, 1 → none, else 11 − remainder."""
    assert business_id.check_digit("0201256") == 6  # 0+18+0+5+16+20+12 = 71, 71 % 11 = 5, 11 − 5
    assert business_id.check_digit("0246246") == 0
    assert business_id.check_digit("3141592") is None


def test_spaces_and_an_old_six_digit_body_are_normalised():
    assert business_id.normalise(" 0201256 - 6 ") == "0201256-6"
    assert business_id.normalise("201256-6") == "0201256-6"
    assert business_id.is_valid("201256-6")
