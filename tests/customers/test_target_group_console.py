"""The rule `target-group` through the rules console (R-TG-2, R-REF-4): the contract check,
exit 2 with the item and field named for input it cannot run on, and explanations in fi/sv/en."""

import json

import pytest

from tests.console import check_contract, console, write

pytestmark = pytest.mark.django_db

PERSON = {
    "henkilotunnus": "100577-234W",
    "kotikunta": "091",
    "mother_tongue": "fi",
    "immigrant": False,
    "status": "unemployed",
    "earnings_related_entitlement": True,
    "temporary_protection": False,
    "change_security_55": False,
    "job_search_valid": True,
}
EXAMPLES = [
    {"id": "helsinki-finnish", **PERSON},
    {"id": "helsinki-somali", **PERSON, "mother_tongue": "so", "on": "2022-09-01"},
    {"id": "before-the-pilot", **PERSON, "mother_tongue": "so", "on": "2021-02-28"},
    {"id": "mariehamn", **PERSON, "kotikunta": "478", "on": "2022-09-01"},
    {
        "id": "ukraine-2023",
        **PERSON,
        "henkilotunnus": None,
        "birth_date": "1990-04-12",
        "kotikunta": None,
        "residence": "091",
        "mother_tongue": "uk",
        "temporary_protection": True,
        "on": "2023-03-01",
    },
    {
        "id": "customer-moved-to-kotka",
        **PERSON,
        "kotikunta": "285",
        "current_customership": {"type": "municipality", "kunta_code": "091", "since": "2021-03-31"},
    },
    {
        "id": 7,
        **PERSON,
        "henkilotunnus": "100577U234W",
        "birth_date": "1977-05-10",
        "change_security_55": True,
        "change_security_notice_date": "2023-01-02",
    },
]


def test_the_contract_check_finds_the_contract_kept(console_env, tmp_path):
    assert check_contract(console_env, "target-group", write(tmp_path, EXAMPLES), "--on", "2023-02-01") == []


def test_run_answers_in_order_with_results_and_a_null_status(console_env, tmp_path):
    """R-TG-2 and R-TG-6 through the console: result {in_target_group, responsible}, status null."""
    result = console(
        console_env, "run", "target-group", "--input", write(tmp_path, EXAMPLES), "--on", "2023-02-01"
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert [o["id"] for o in out] == [e["id"] for e in EXAMPLES]
    assert {o["status"] for o in out} == {None}
    assert [o["result"] for o in out] == [
        {"in_target_group": False, "responsible": {"type": "te_office", "te_office_code": "01"}},
        {
            "in_target_group": True,
            "responsible": {"type": "municipality", "kunta_code": "091", "trial_area_no": 20},
        },
        {"in_target_group": False, "responsible": {"type": "te_office", "te_office_code": "01"}},
        {"in_target_group": False, "responsible": {"type": "aland"}},
        {
            "in_target_group": True,
            "responsible": {"type": "municipality", "kunta_code": "091", "trial_area_no": 20},
        },
        {"in_target_group": False, "responsible": {"type": "te_office", "te_office_code": "06"}},
        {"in_target_group": False, "responsible": {"type": "te_office", "te_office_code": "01"}},
    ]
    assert [o["on"] for o in out] == [
        "2023-02-01",
        "2022-09-01",
        "2021-02-28",
        "2022-09-01",
        "2023-03-01",
        "2023-02-01",
        "2023-02-01",
    ]
    age = next(c for c in out[0]["checks"] if c["code"] == "under_age_limit")
    assert age["parameters"] == [
        {"name": "target_group.age_limit", "value": 30, "reference": "L1269 s. 4 mom 1 p. 3"}
    ]
    assert age["found"]["birth_date"] == "1977-05-10"
    residence = next(c for c in out[4]["checks"] if c["code"] == "residence")
    assert residence["status"] == "pass"
    assert residence["parameters"][0]["reference"].endswith(
        "as amended by L149/2023 (Aliens Act s. 110; JTYPL 1:9 §2)"
    )


@pytest.mark.parametrize(
    ("lang", "item", "expected"),
    [
        (
            "fi",
            1,
            "Äidinkieli somali on muu kuin suomi, ruotsi tai saame: vieraskielinen",
        ),
        ("sv", 1, "Modersmålet somaliska är ett annat än finska, svenska eller samiska: främmandespråkig"),
        ("en", 1, "Responsible on 1 September 2022: the trial municipality Helsinki (091), trial area 20."),
        ("fi", 0, "Mikään kohderyhmäperuste ei täyty: henkilö pysyy TE-toimiston asiakkaana."),
        (
            "sv",
            0,
            "Ansvarig den 1.2.2023: Nylands arbets- och näringsbyrå (01), TE-byrån för Helsingfors (091).",
        ),
        ("fi", 5, "asiakkuus siirtyy takaisin TE-toimistoon"),
        ("sv", 6, "sades upp den 2.1.2023, den 1.1.2023 eller senare: hen är inte kund hos försökskommunen"),
        ("en", 3, "Maarianhamina (478) is on Åland"),
        ("fi", 4, "asuinpaikka Helsinki (091) on 1.3.2023 kokeilualueen 20 Helsinki kokeilukunta"),
        # R-X-8: the text states the result and cites the law in the reader's language
        ("fi", 1, ": kuuluu kohderyhmään"),
        ("sv", 0, ": hör inte till målgruppen"),
        ("fi", 1, "(L1269 23 § 1 mom. sellaisena kuin se on muutettuna lailla L287/2022)"),
        ("sv", 1, "(L1269 23 § 1 mom. i lydelsen enligt L287/2022)"),
    ],
)
def test_text_format_explains_in_the_language_asked(console_env, tmp_path, lang, item, expected):
    path = write(tmp_path, [EXAMPLES[item]])
    result = console(
        console_env,
        "run",
        "target-group",
        "--input",
        path,
        "--format",
        "text",
        "--lang",
        lang,
        "--on",
        "2023-02-01",
    )
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout


BAD = [
    ({"henkilotunnus": "100577-234X"}, "field 'henkilotunnus'", "check character"),
    ({"henkilotunnus": "100577G234W"}, "field 'henkilotunnus'", "century sign"),
    ({"henkilotunnus": "310277-234W"}, "field 'henkilotunnus'", "not a real date"),
    ({"henkilotunnus": "100577-001W"}, "field 'henkilotunnus'", "individual number"),
    ({"henkilotunnus": 100577}, "field 'henkilotunnus'", "must be a string"),
    ({"birth_date": "1977-05-11"}, "field 'birth_date'", "does not agree with the henkilötunnus"),
    ({"henkilotunnus": None}, "field 'henkilotunnus'", "henkilotunnus and birth_date are both missing"),
    ({"kotikunta": None}, "field 'kotikunta'", "kotikunta and residence are both missing"),
    ({"kotikunta": "999"}, "field 'kotikunta'", "unknown municipality code '999'"),
    ({"residence": "000"}, "field 'residence'", "unknown municipality code"),
    ({"status": "retired"}, "field 'status'", "must be one of unemployed, laid_off"),
    ({"mother_tongue": "fin"}, "field 'mother_tongue'", "population-register language code"),
    ({"immigrant": "yes"}, "field 'immigrant'", "true or false"),
    ({"change_security_notice_date": "2023-02-30"}, "field 'change_security_notice_date'", "not a real date"),
    ({"nationality": "FI"}, "field 'nationality'", "unknown field"),
    ({"job_search_valid": None}, "field 'job_search_valid'", "must not be null"),
    (
        {
            "current_customership": {
                "type": "municipality",
                "kunta_code": "091",
                "since": "2021-03-01",
                "x": 1,
            }
        },
        "field 'current_customership'",
        "unknown key 'x'",
    ),
    (
        {"current_customership": {"type": "ely", "kunta_code": None, "since": "2021-03-01"}},
        "field 'current_customership'",
        '"type" must be',
    ),
    (
        {"current_customership": {"type": "municipality", "kunta_code": "999", "since": "2021-03-01"}},
        "field 'current_customership'",
        "unknown municipality code '999'",
    ),
    (
        {"current_customership": {"type": "municipality", "kunta_code": None, "since": "2021-03-01"}},
        "field 'current_customership'",
        "required",
    ),
    (
        {"current_customership": {"type": "te_office", "kunta_code": None, "since": "1.3.2021"}},
        "field 'current_customership'",
        '"since" must be a date',
    ),
]


@pytest.mark.parametrize(("change", "where", "problem"), BAD, ids=[str(i) for i in range(len(BAD))])
def test_bad_input_exits_2_naming_item_and_field(console_env, tmp_path, change, where, problem):
    """Every item is validated before any is evaluated: a bad second item leaves nothing on stdout."""
    items = [{"id": "good", **PERSON}, {"id": "bad", **PERSON, **change}]
    result = console(console_env, "run", "target-group", "--input", write(tmp_path, items))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "item 'bad'" in result.stderr and where in result.stderr and problem in result.stderr


def test_list_prints_the_typed_fields(console_env):
    result = console(console_env, "list")
    assert result.returncode == 0, result.stderr
    assert "target-group  version 1+" in result.stdout
    for described in (
        "henkilotunnus: henkilotunnus|null",
        "birth_date: date|null",
        '"unemployed"|"laid_off"|"supported_employment"|"in_service"|"at_risk"|"employed"',
        "current_customership: customership|null",
    ):
        assert described in result.stdout
