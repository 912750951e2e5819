"""The public comparison series (issue 19 item 2, R-MON-1, R-MON-6): known answers from the shipped CSV for
real municipalities, groups from the regions tables, rates from sums."""

from decimal import Decimal

import pytest

from kuntakokeilu.publicstats import queries, series

STATS = series.read_statistics()


def test_a_municipality_month_as_published():
    """Kajaani 205, March 2021 and Helsinki 091, December 2019, as in the CSV (and the data README)."""
    kajaani = series.point(STATS, ["205"], "2021-03")
    assert (kajaani.unemployed_jobseekers, kajaani.labour_force, kajaani.open_vacancies) == (1748, 16624, 896)
    assert kajaani.unemployment_rate == Decimal("10.5")
    helsinki = series.point(STATS, ["091"], "2019-12")
    assert (helsinki.unemployed_jobseekers, helsinki.labour_force, helsinki.open_vacancies) == (
        31715,
        345430,
        8318,
    )
    assert helsinki.unemployment_rate == Decimal("9.2")
    assert series.point(STATS, ["091"], "2020-12").unemployed_jobseekers == 51086


def test_the_rate_of_a_group_is_computed_from_sums_not_averaged():
    """Helsinki + Kajaani, March 2021: 100 × (U_091 + U_205) / (L_091 + L_205), not the mean of the rates."""
    h, k = STATS["091"]["2021-03"], STATS["205"]["2021-03"]
    both = series.point(STATS, ["091", "205"], "2021-03")
    assert both.unemployed_jobseekers == h.unemployed + k.unemployed
    assert both.labour_force == h.labour_force + k.labour_force
    expected = series.rate(h.unemployed + k.unemployed, h.labour_force + k.labour_force)
    assert both.unemployment_rate == expected
    mean = (series.rate(h.unemployed, h.labour_force) + series.rate(k.unemployed, k.labour_force)) / 2
    assert abs(both.unemployment_rate - mean) > Decimal("1")  # Helsinki's weight shows


def test_unpublished_vacancies_are_counted_not_taken_as_zero():
    """Pelkosenniemi 581 (a small Lapland municipality) has unpublished vacancy cells: the point says so."""
    month = next(m for m, cell in sorted(STATS["581"].items()) if cell.vacancies is None)
    alone = series.point(STATS, ["581"], month)
    assert alone.open_vacancies is None and alone.vacancies_unpublished == 1
    with_kajaani = series.point(STATS, ["581", "205"], month)
    assert with_kajaani.open_vacancies == STATS["205"][month].vacancies
    assert with_kajaani.vacancies_unpublished == 1


def test_months_and_range():
    assert series.months_between("2020-11", "2021-02") == ["2020-11", "2020-12", "2021-01", "2021-02"]
    points = series.series(STATS, ["205"], "2023-09", "2024-05")
    assert [p.month for p in points] == ["2023-09", "2023-10"]  # the statistics end in October 2023


def test_a_changed_file_is_refused(tmp_path):
    copy = tmp_path / "tyonv.csv"
    copy.write_bytes(
        series.DATA_FILE.read_bytes().replace(b"205,Kajaani,2021-03,1748", b"205,Kajaani,2021-03,1749")
    )
    with pytest.raises(series.StatisticsFileChanged):
        series.read_statistics.__wrapped__(copy)


@pytest.mark.django_db
def test_groups_from_the_regions_tables():
    """25 areas, 118 pilot municipalities, the rest of the mainland = the other 175 mainland municipalities of
    the 2023 division (309 − 16 on Åland − 118); Kainuu (area 7) is its seven municipalities."""
    by_area, pilot, rest = queries.groups()
    assert len(by_area) == 25 and len(pilot.codes) == 118 and len(rest.codes) == 175
    assert not pilot.codes & rest.codes
    assert by_area[7].codes == {"105", "205", "290", "578", "697", "765", "777"}
    assert "478" not in rest.codes  # Maarianhamina: Åland is left out
    assert {"091", "049"} <= pilot.codes and "235" in rest.codes  # Helsinki, Espoo pilots; Kauniainen not


@pytest.mark.django_db
def test_kainuu_beside_the_rest_of_the_mainland_march_2021():
    """Known answers summed from the CSV: Kainuu's seven municipalities and the 175 others."""
    comparison = queries.comparison("7", "2021-03", "2021-03")
    ((_month, kainuu, rest),) = comparison.rows()
    codes = comparison.group.codes
    assert kainuu.unemployed_jobseekers == sum(STATS[c]["2021-03"].unemployed for c in codes) == 3369
    assert kainuu.labour_force == 30032 and kainuu.open_vacancies == 1270
    assert kainuu.unemployment_rate == Decimal("11.2")
    assert rest.members == 175 and rest.unemployed_jobseekers == 84922
    assert rest.unemployment_rate == series.rate(84922, 760577) == Decimal("11.2")
    assert rest.vacancies_unpublished == 7


@pytest.mark.django_db
def test_unknown_groups():
    assert queries.comparison("99", "2021-03", "2021-03") is None
    assert queries.comparison("rest", "2021-03", "2021-03") is None
    assert queries.comparison("pilot", "2021-03", "2021-03").group.key == "pilot"
