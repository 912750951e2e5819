"""Reference data over time (R-REF-1, R-REF-2), loaded from the shipped real files."""

import datetime as dt
import shutil

import pytest

from kuntakokeilu.regions.models import (
    ElyCentre,
    Municipality,
    Population,
    PopulationSource,
    RegionalMembership,
    TeOffice,
    TrialArea,
    TrialAreaMember,
)
from kuntakokeilu.regions.services import DATA_DIR, ReferenceDataError, load_reference_data

pytestmark = pytest.mark.django_db
D = dt.date


def test_municipalities_valid_on_a_date():
    assert Municipality.objects.valid_on(D(2020, 6, 1)).count() == 310
    assert Municipality.objects.valid_on(D(2021, 6, 1)).count() == 309


def test_ely_centres_te_offices_and_aland():
    assert ElyCentre.objects.count() == 16  # 15 ELY centres and Åland (16)
    assert TeOffice.objects.count() == 15
    aland = ElyCentre.objects.get(code="16")
    assert aland.name_sv == "Åland"
    assert not TeOffice.objects.filter(ely=aland).exists()
    mariehamn = RegionalMembership.objects.valid_on(D(2021, 6, 1)).get(municipality__code="478")
    assert mariehamn.ely == aland and mariehamn.te_office is None


@pytest.mark.parametrize(
    ("code", "ely_2020", "ely_2021"),
    [("090", "07", "09"), ("171", "07", "08"), ("142", "06", "04"), ("291", "10", "05"), ("152", "12", "11")],
)
def test_the_five_municipalities_that_changed_area_on_1_1_2021(code, ely_2020, ely_2021):
    memberships = RegionalMembership.objects.filter(municipality__code=code)
    assert memberships.valid_on(D(2020, 12, 31)).get().ely.code == ely_2020
    assert memberships.valid_on(D(2021, 1, 1)).get().ely.code == ely_2021
    assert memberships.valid_on(D(2021, 1, 1)).get().te_office.code == ely_2021


def test_unchanged_municipalities_have_one_open_membership():
    helsinki = RegionalMembership.objects.get(municipality__code="091")
    assert (helsinki.valid_from, helsinki.valid_to, helsinki.ely.code) == (D(2020, 1, 1), None, "01")


def test_honkajoki_merged_into_kankaanpaa():
    honkajoki = Municipality.objects.get(code="099")
    assert honkajoki.valid_to == D(2020, 12, 31)
    assert honkajoki.merged_into.code == "214"
    assert not RegionalMembership.objects.filter(municipality=honkajoki).valid_on(D(2021, 1, 1)).exists()


def test_population_sources_and_the_kankaanpaa_difference():
    kankaanpaa = Population.objects.filter(municipality__code="214")
    row_2019 = kankaanpaa.get(year=2019)
    assert (row_2019.population, row_2019.source) == (11286, PopulationSource.KEY_2020)
    # the yearly file includes Honkajoki in every other year
    assert kankaanpaa.get(year=2018).source == PopulationSource.SOTKANET
    assert kankaanpaa.get(year=2018).population == 13137
    assert Population.objects.get(municipality__code="099").year == 2019
    assert Population.objects.get(municipality__code="091", year=2019).population == 653835
    assert Population.objects.filter(year=2019).count() == 310
    assert Population.objects.filter(year=2022).count() == 309


def test_trial_areas_of_the_act():
    assert TrialArea.objects.count() == 25
    assert TrialAreaMember.objects.count() == 118
    assert list(TrialArea.objects.values_list("number", flat=True)) == list(range(1, 26))
    seinajoki = TrialArea.objects.get(number=1)
    assert [m.municipality.code for m in seinajoki.members.all()] == ["743", "145"]
    assert seinajoki.ely.code == "11" and seinajoki.name_sv == "Seinäjoki–Ilmola"
    assert TrialAreaMember.objects.filter(joined_in_round="main").count() == 90
    assert TrialAreaMember.objects.filter(trial_area__number=11).count() == 22  # all of Pirkanmaa
    assert (
        TrialAreaMember.objects.get(municipality__code="588").joined_in_round == "supplementary"
    )  # Pertunmaa


def test_every_trial_municipality_is_in_its_areas_ely_area_at_the_pilot_start():
    for member in TrialAreaMember.objects.select_related("trial_area", "municipality"):
        membership = RegionalMembership.objects.filter(municipality=member.municipality).valid_on(
            D(2021, 3, 1)
        )
        assert membership.get().ely_id == member.trial_area.ely_id, member.municipality


def test_a_second_load_changes_nothing():
    report = load_reference_data()
    assert not report.changed
    assert report.tables["Municipality"].unchanged == 310


def test_a_load_repairs_a_changed_row():
    Municipality.objects.filter(code="091").update(name_sv="Helsinki")
    report = load_reference_data()
    assert report.tables["Municipality"].updated == 1
    assert Municipality.objects.get(code="091").name_sv == "Helsingfors"


def test_a_broken_file_changes_nothing(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    Municipality.objects.filter(code="091").update(name_sv="Helsinki")
    rows = (data / "population_municipality_2000_2022.csv").read_text(encoding="utf-8").splitlines()
    rows[5] = rows[5].rsplit(",", 1)[0] + ",many"
    (data / "population_municipality_2000_2022.csv").write_text("\n".join(rows), encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="line 6"):
        load_reference_data(data)
    assert Municipality.objects.get(code="091").name_sv == "Helsinki"  # rolled back, not half-loaded
