"""The synthetic Finland (R-PERF, issue 6): job seekers over the municipalities in proportion to the
unemployed job seekers of February 2021 (table 12r5), temporary identity codes, reproducible by seed."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kuntakokeilu.customers.identity import parse_henkilotunnus
from kuntakokeilu.customers.models import Fact, FactKind, Person
from kuntakokeilu.customers.synthetic import allocate, people, unemployed_by_municipality

pytestmark = pytest.mark.django_db


def test_the_statistics_of_february_2021_are_the_shipped_ones():
    """The table gives 326,767 unemployed job seekers nationally at the end of February 2021."""
    counts = unemployed_by_municipality("2021-02")
    assert sum(counts.values()) == 326_767
    assert counts["091"] > counts["638"] > 0  # Helsinki, Porvoo


def test_allocation_is_proportional_and_exact():
    assert allocate(10, {"091": 5, "638": 3, "205": 2}) == {"091": 5, "638": 3, "205": 2}
    split = allocate(7, {"091": 1, "638": 1, "205": 1})
    assert sum(split.values()) == 7 and max(split.values()) - min(split.values()) <= 1


def test_the_command_creates_reproducible_people_in_the_test_range():
    """The same seed gives the same people; a re-run creates nothing; codes use numbers 900-999."""
    out = StringIO()
    call_command("generate_jobseekers", "--persons", "300", "--seed", "7", stdout=out)
    assert Person.objects.count() == 300
    assert all(
        900 <= int(code[7:10]) <= 999 for code in Person.objects.values_list("henkilotunnus", flat=True)
    )
    assert all(parse_henkilotunnus(p.henkilotunnus).birth_date == p.birth_date for p in Person.objects.all())
    assert Fact.objects.filter(kind=FactKind.JOB_SEARCH, valid_from__gt=dt.date(2021, 2, 28)).count() == 0
    helsinki = Fact.objects.filter(kind=FactKind.KOTIKUNTA, municipality__code="091").count()
    expected = allocate(300, unemployed_by_municipality("2021-02"))["091"]
    assert helsinki == expected > 0
    before = sorted(Person.objects.values_list("id", "henkilotunnus"))
    call_command("generate_jobseekers", "--persons", "300", "--seed", "7", stdout=StringIO())
    assert sorted(Person.objects.values_list("id", "henkilotunnus")) == before
    assert Fact.objects.count() == 300 * 6


def test_another_seed_gives_other_people():
    first = [p.henkilotunnus for p, _ in people(50, 1)]
    assert first == [p.henkilotunnus for p, _ in people(50, 1)]
    assert first != [p.henkilotunnus for p, _ in people(50, 2)]


def test_a_bad_count_is_refused():
    with pytest.raises(CommandError):
        call_command("generate_jobseekers", "--persons", "0", stdout=StringIO())
    assert not Person.objects.exists()
