"""The rules console on application-screening (R-APP-6): the contract check, exit codes and languages.

Runs the real `kuntakokeilu` console script against the test database, whose rounds are committed by the
session fixture `rounds_loaded`.
"""

import json

import pytest

from tests.console import check_contract, console, write

pytestmark = pytest.mark.django_db

FILE = [
    {
        "id": "hanko-raasepori",
        "round": "supplementary-2020",
        "name": "Hanko–Raasepori",
        "lead": "710",
        "municipalities": ["078", "710"],
        "estimated_customers": None,
    },
    {
        "id": "hanko",
        "round": "supplementary-2020",
        "name": "Hanko",
        "lead": "078",
        "municipalities": ["078"],
        "justification": "Kaksikielinen satamakaupunki.",
    },
    {
        "id": "loviisa-kotka",
        "round": "supplementary-2020",
        "name": "Loviisa–Kotka",
        "lead": "434",
        "municipalities": ["434", "285"],
    },
    {
        "id": "kokkola",
        "round": "supplementary-2020",
        "name": "Kokkola",
        "lead": "272",
        "municipalities": ["217", "584", "236", "924", "074", "849", "421"],
        "extends_area": 12,
        "extension_consent": True,
    },
]


def test_the_contract_check_finds_the_contract_kept(rounds_loaded, console_env, tmp_path):
    """R-APP-6: the console's output for application-screening keeps the contract of every rule."""
    assert check_contract(console_env, "application-screening", write(tmp_path, FILE)) == []


def test_the_file_is_screened_together(rounds_loaded, console_env, tmp_path):
    """R-APP-3, R-APP-6: Hanko + Raasepori pass min_population, Hanko alone is a warning with its
    justification, Loviisa + Kotka fail single_ely_area, and Hanko's two applications overlap."""
    result = console(console_env, "run", "application-screening", "--input", write(tmp_path, FILE))
    assert result.returncode == 0, result.stderr
    out = {o["id"]: o for o in json.loads(result.stdout)}
    checks = {item: {c["code"]: c for c in o["checks"]} for item, o in out.items()}
    assert checks["hanko-raasepori"]["min_population"]["status"] == "pass"
    assert checks["hanko-raasepori"]["min_population"]["found"]["population"] == 35735
    assert checks["hanko"]["min_population"]["status"] == "warn"
    assert checks["loviisa-kotka"]["single_ely_area"]["status"] == "fail"
    assert checks["kokkola"]["min_population"]["status"] == "pass"
    assert checks["hanko"]["no_overlap"]["status"] == "fail"
    assert out["hanko-raasepori"]["result"]["population"] == 35735
    assert set(out["kokkola"]["result"]) == {
        "eligible",
        "population",
        "ely_code",
        "estimated_customers",
        "customers_estimated_by_system",
    }
    for check in checks["kokkola"].values():
        assert all(check["text"][lang] for lang in ("fi", "sv", "en"))
        assert len({check["text"]["fi"], check["text"]["sv"], check["text"]["en"]}) == 3


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_text_format_in_each_language(rounds_loaded, console_env, tmp_path, lang):
    """R-APP-3: every check is explained in fi, sv and en."""
    path = write(tmp_path, FILE[2:3])
    result = console(
        console_env, "run", "application-screening", "--input", path, "--format", "text", "--lang", lang
    )
    assert result.returncode == 0, result.stderr
    expected = {
        "fi": "Kaakkois-Suomen ELY-keskus",
        "sv": "NTM-centralen i Sydöstra Finland",
        "en": "Kotka (285)",
    }
    assert expected[lang] in result.stdout


@pytest.mark.parametrize(
    ("change", "in_message"),
    [
        ({"round": "main-2030"}, "unknown application round"),
        ({"extends_area": 2, "extension_consent": True}, "not selected in a round before"),
        ({"municipalities": ["078", "078"]}, "listed twice"),
        ({"municipalities": []}, "at least one municipality"),
    ],
)
def test_bad_input_exits_2_with_nothing_on_stdout(rounds_loaded, console_env, tmp_path, change, in_message):
    """R-APP-6: an unknown round, an area not selected earlier, a municipality twice, no municipality: 2."""
    items = [FILE[0], {**FILE[1], **change}]
    result = console(console_env, "run", "application-screening", "--input", write(tmp_path, items))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "item 'hanko'" in result.stderr and in_message in result.stderr
