"""Rule application-screening on real applications of the 2019 and 2020 rounds (R-APP-3, R-APP-4, R-APP-6).

Runs the console's own validation and evaluation (`console.run_items`), so every item of a list is screened
together with the others, as the console does with a file.
"""

import datetime as dt

import pytest

from kuntakokeilu.applications.rules import NAME
from kuntakokeilu.rules.console import ConsoleError, run_items
from kuntakokeilu.rules.registry import get_rule

pytestmark = pytest.mark.django_db
ON = dt.date(2020, 8, 27)
PIRKANMAA = ["020", "108", "143", "177", "211", "250", "418", "508", "536", "562", "581"]
PIRKANMAA += ["604", "619", "635", "702", "790", "837", "887", "908", "922", "936", "980"]
COMPLETE = {
    "own_resourcing": {"eur_per_year": 500_000, "person_years": 6.5},
    "service_model": "Nopea kontaktointi ja yksilöllinen palvelutarpeen arviointi.",
    "cooperation_structure": "Kunnat, ELY-keskus, TE-toimisto, oppilaitokset ja opetushallinto.",
    "division_of_work": "Johtava kunta vastaa asiakasprosessista, muut kunnat palveluista.",
    "negotiations": {"ely_centre": "2020-06-01", "te_office": "2020-06-02"},
    "premises": "Yhteiset tilat kaupungintalolla.",
}


def application(item_id, municipalities, round_="supplementary-2020", **extra):
    return {
        "id": item_id,
        "round": round_,
        "name": item_id,
        "lead": municipalities[0] if municipalities else "078",
        "municipalities": municipalities,
        **extra,
    }


def screen(*items):
    return dict(run_items(get_rule(NAME), list(items), ON))


def check(outcome, code):
    return next(c for c in outcome.checks if c.code == code)


def test_hanko_and_raasepori_pass_min_population(rounds):
    """R-APP-3 (1): Hanko + Raasepori had 35,735 inhabitants on 31.12.2019."""
    outcome = screen(application("hanko-raasepori", ["078", "710"], **COMPLETE))["hanko-raasepori"]
    population = check(outcome, "min_population")
    assert population.status == "pass"
    assert population.found["population"] == 35_735
    assert population.found["reference_date"] == dt.date(2019, 12, 31)
    assert outcome.result["population"] == 35_735
    assert outcome.result["ely_code"] == "01"
    assert "35\u00a0735" in population.message.render("fi")


def test_hanko_alone_fails_and_a_justification_turns_it_to_warn(rounds):
    """R-APP-3 (1): below 30,000 fails; with a recorded justification it is a warning."""
    bare = screen(application("hanko", ["078"], **COMPLETE))["hanko"]
    assert check(bare, "min_population").status == "fail"
    assert "justification" in check(bare, "form_complete").found["missing"]
    assert bare.result["eligible"] is False
    reasoned = screen(
        application("hanko", ["078"], justification="Kaksikielinen satamakaupunki.", **COMPLETE)
    )
    population = check(reasoned["hanko"], "min_population")
    assert population.status == "warn"
    assert "Kaksikielinen satamakaupunki." in population.message.render("sv")
    assert "justification" not in check(reasoned["hanko"], "form_complete").found["missing"]


def test_loviisa_and_kotka_are_in_different_ely_areas(rounds):
    """R-APP-3 (2): Loviisa (Uusimaa) and Kotka (Kaakkois-Suomi) fail single_ely_area, naming each area."""
    outcome = screen(application("loviisa-kotka", ["434", "285"], **COMPLETE))["loviisa-kotka"]
    ely = check(outcome, "single_ely_area")
    assert ely.status == "fail"
    assert ely.found["ely_at_start"] == {"434": "01", "285": "06"}
    text = ely.message.render("fi")
    assert "Loviisa (434)" in text and "Uudenmaan ELY-keskus" in text
    assert "Kotka (285)" in text and "Kaakkois-Suomen ELY-keskus" in text
    assert outcome.status == "fail"


def test_heinavesi_moves_to_pohjois_karjala(rounds):
    """R-APP-3 (2): Heinävesi is in Etelä-Savo on 31.12.2019 and in Pohjois-Karjala from 1.1.2021: warn."""
    kitee = ["260", "422", "176", "707", "090", "146", "848"]
    outcome = screen(application("kitee", kitee, **COMPLETE))["kitee"]
    ely = check(outcome, "single_ely_area")
    assert ely.status == "warn"
    assert ely.found["moves"] == [{"kunta_code": "090", "moved_on": dt.date(2021, 1, 1)}]
    assert "Heinävesi (090)" in ely.message.render("sv")
    assert "1 January 2021" in ely.message.render("en")


def test_pirkanmaa_exceeds_the_customer_share_in_the_main_round(rounds):
    """R-APP-3 (3): the 22 Pirkanmaa municipalities would move about 70 % of the TE office's customers."""
    outcome = screen(application("pirkanmaa", PIRKANMAA, round_="main-2019", **COMPLETE))["pirkanmaa"]
    share = check(outcome, "ely_customer_share")
    assert share.status == "warn"
    assert share.found["share"] > 0.6
    assert share.found["statistics_month"] == "2019-09"
    assert outcome.result["customers_estimated_by_system"] is True
    assert [p.name for p in share.parameters] == [
        "selection.ely_customer_share_max",
        "selection.target_group_share_of_unemployed",
    ]


def test_the_four_enlargements_pass_as_enlarged_areas(rounds):
    """R-APP-3: Kokkola +7, Salo + Koski Tl, Pori + Ulvila and Mikkeli + Pertunmaa are judged as enlarged
    areas (earlier members counted once) and pass min_population."""
    consent = {"extension_consent": True, **COMPLETE}
    outcomes = screen(
        application("kokkola", ["217", "584", "236", "924", "074", "849", "421"], extends_area=12, **consent),
        application("salo", ["284"], extends_area=24, **consent),
        application("pori", ["886"], extends_area=18, **consent),
        application("mikkeli", ["588"], extends_area=3, **consent),
    )
    for item_id, area in (("kokkola", 12), ("salo", 24), ("pori", 18), ("mikkeli", 3)):
        population = check(outcomes[item_id], "min_population")
        assert population.status == "pass", item_id
        assert population.found["enlarged_area"] == area
        assert check(outcomes[item_id], "no_overlap").status == "pass"
    kokkola = check(outcomes["kokkola"], "min_population").found["members"]
    assert len(kokkola) == 8 and "272" in kokkola
    assert check(outcomes["salo"], "min_population").found["population"] > 30_000


def test_an_enlargement_needs_consent_and_lists_only_new_members(rounds):
    """R-APP-3 (6): without consent, or listing an existing member, an enlargement fails no_overlap."""
    outcomes = screen(
        application("salo", ["284"], extends_area=24, **COMPLETE),
        application("pori", ["886", "609"], extends_area=18, extension_consent=True, **COMPLETE),
    )
    assert check(outcomes["salo"], "no_overlap").status == "fail"
    assert "extension_consent" in check(outcomes["salo"], "form_complete").found["missing"]
    pori = check(outcomes["pori"], "no_overlap")
    assert pori.status == "fail" and pori.found["in_earlier_areas"] == {"609": 18}


def test_overlaps_with_earlier_areas_and_other_applications_fail(rounds):
    """R-APP-3 (6): Helsinki was selected in the main round; Loviisa in two applications of a file."""
    outcomes = screen(
        application("helsinki", ["091"], **COMPLETE),
        application("loviisa", ["434"], **COMPLETE),
        application("loviisa-porvoo", ["638", "434"], **COMPLETE),
    )
    assert check(outcomes["helsinki"], "no_overlap").found["in_earlier_areas"] == {"091": 20}
    overlap = check(outcomes["loviisa"], "no_overlap")
    assert overlap.status == "fail"
    assert overlap.found["in_other_applications"] == {"434": ["loviisa-porvoo"]}
    assert "loviisa-porvoo" in overlap.message.render("fi")


def test_the_share_counts_earlier_areas_and_the_other_applications(rounds):
    """R-APP-3 (3): Uusimaa's share adds Helsinki, Espoo, Vantaa–Kerava (main round) and Porvoo's
    application."""
    alone = check(screen(application("hr", ["078", "710"], **COMPLETE))["hr"], "ely_customer_share")
    together = screen(
        application("hr", ["078", "710"], **COMPLETE),
        application("porvoo", ["638"], estimated_customers=2100),
    )
    share = check(together["hr"], "ely_customer_share")
    assert set(alone.found["earlier_areas"]) == {19, 20, 21}
    assert share.found["other_applications"] == {"porvoo": 2100}
    assert share.found["pilot_customers"] == alone.found["pilot_customers"] + 2100
    assert share.status == "warn"


def test_the_applicants_estimate_is_used_where_given(rounds):
    """R-APP-4: the system estimates only where the applicant gives no figure, and says so."""
    given = screen(application("porvoo", ["638"], estimated_customers=2100, **COMPLETE))["porvoo"]
    estimated = screen(application("porvoo", ["638"], **COMPLETE))["porvoo"]
    assert (given.result["estimated_customers"], given.result["customers_estimated_by_system"]) == (
        2100,
        False,
    )
    assert estimated.result["customers_estimated_by_system"] is True
    assert "estimated by the system" in check(estimated, "ely_customer_share").message.render("en")
    assert "applicants' estimate" in check(given, "ely_customer_share").message.render("en")


def test_form_complete_names_every_missing_item(rounds):
    """R-APP-2, R-APP-3 (5): missing items per item; an empty string is missing."""
    reasoned = {**COMPLETE, "justification": "Kaksikielisiä kuntia tarvitaan kokeiluun."}
    complete = screen(application("porvoo", ["638"], **reasoned))["porvoo"]
    assert check(complete, "ely_customer_share").status == "warn"  # Uusimaa's share: a justification needed
    assert check(complete, "form_complete").status == "pass"
    partial = screen(application("porvoo", ["638"], **{**reasoned, "premises": "  ", "negotiations": None}))
    form = check(partial["porvoo"], "form_complete")
    assert form.status == "fail"
    assert form.found["missing"] == ["negotiations_ely", "negotiations_te", "premises"]
    assert "tilat" in form.message.render("fi") and "lokaler" in form.message.render("sv")


def test_own_resourcing_against_15_percent_of_2018_expenditure(rounds):
    """R-APP-3 (4), R-RES-4: 15 % of the 2018 labour-market-subsidy expenditure; info when it is not given."""
    base = {**COMPLETE, "own_resourcing": {"eur_per_year": 150_000, "person_years": 2}}
    outcomes = screen(
        application("enough", ["638"], lms_expenditure_2018_eur={"638": 1_000_000}, **base),
        application(
            "short", ["078", "710"], lms_expenditure_2018_eur={"078": 900_000, "710": 200_000}, **base
        ),
        application("unknown", ["285"], **base),
    )
    assert check(outcomes["enough"], "own_resourcing").status == "pass"
    assert check(outcomes["short"], "own_resourcing").status == "warn"
    assert check(outcomes["short"], "own_resourcing").found["reference_eur"] == 165_000
    assert check(outcomes["unknown"], "own_resourcing").status == "info"


@pytest.mark.parametrize(
    ("item", "in_message"),
    [
        (application("a", ["078"], round_="spring-2030"), "unknown application round 'spring-2030'"),
        (application("a", ["217"], extends_area=2, extension_consent=True), "not selected in a round before"),
        (application("a", ["217"], round_="main-2019", extends_area=12), "not selected in a round before"),
        (application("a", ["078", "710", "078"]), "078 is listed twice"),
        (application("a", []), "at least one municipality"),
        (application("a", ["078"], lms_expenditure_2018_eur={"710": 1}), "not one of the application's"),
    ],
)
def test_input_errors(rounds, item, in_message):
    """R-APP-6: an unknown round, an area not selected earlier, a municipality twice or none: input errors."""
    with pytest.raises(ConsoleError, match="item 'a'") as error:
        run_items(get_rule(NAME), [item], ON)
    assert in_message in str(error.value)


def test_many_applications_together_name_a_few_others_and_count_all(rounds):
    """Issue 12 (R-APP-3, R-APP-6): screened together, each application's share counts every other
    application of its ELY area, but names at most ten of them, so the output grows linearly."""
    from kuntakokeilu.applications.screening import OTHERS_NAMED

    uusimaa = ["078", "710", "638", "434", "186", "245", "257", "407", "505", "543", "611", "753"]
    apps = [application(f"a{i}", [code], estimated_customers=100) for i, code in enumerate(uusimaa)]
    found = screen(*apps)
    share = check(found["a0"], "ely_customer_share")
    assert share.found["other_applications_count"] == len(uusimaa) - 1
    assert share.found["other_applications_customers"] == 100 * (len(uusimaa) - 1)
    assert len(share.found["other_applications"]) == OTHERS_NAMED
    assert "a0" not in share.found["other_applications"]
    alone = check(screen(apps[0])["a0"], "ely_customer_share")
    assert share.found["pilot_customers"] == alone.found["pilot_customers"] + 100 * (len(uusimaa) - 1)
