"""The selection view's figures (R-APP-5): size classes and the cumulative shares of a ticked set."""

import pytest

from kuntakokeilu.applications.queries import screening_data
from kuntakokeilu.applications.selection import size_class, summarise
from kuntakokeilu.rules.parameters import default_store


@pytest.mark.nodb
@pytest.mark.parametrize(
    ("population", "index"), [(0, 0), (49_999, 0), (50_000, 1), (99_999, 1), (100_000, 2), (250_000, 3)]
)
def test_size_classes(population, index):
    """R-APP-5: < 50,000; 50–100,000; 100–250,000; > 250,000."""
    assert size_class(population) == index


@pytest.mark.django_db
def test_ticking_porvoo_and_hanko_raasepori_in_the_supplementary_round(rounds):
    """R-APP-5, R-APP-1: Uusimaa's share adds the ticked applications to Helsinki, Espoo and Vantaa–Kerava;
    three bilingual municipalities; two areas under 50,000."""
    data = screening_data("supplementary-2020")
    base = {"round": "supplementary-2020", "extends_area": None, "estimated_customers": None}
    ticked = [
        {**base, "name": "Porvoo", "lead": "638", "municipalities": ["638"], "estimated_customers": 2100},
        {**base, "name": "Hanko–Raasepori", "lead": "710", "municipalities": ["078", "710"]},
    ]
    none = summarise([], data, default_store())
    some = summarise(ticked, data, default_store())
    uusimaa_before = next(e for e in none.elys if e.code == "01")
    uusimaa = next(e for e in some.elys if e.code == "01")
    assert uusimaa.customers - uusimaa_before.customers == 2100 + round(
        sum(data.municipalities[c].unemployed for c in ("078", "710")) * 0.73
    )
    assert uusimaa.over and uusimaa.unemployed == uusimaa_before.unemployed
    assert some.bilingual == ("078", "638", "710")
    assert [count for _label, count in some.size_classes] == [1, 1, 0, 0]
