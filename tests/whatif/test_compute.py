"""The target-group what-if (issue 13; R-TG-2, R-TG-3, R-REF-3): the same rule code under the law and under an
overlay; the two done-when checks of the issue."""

import datetime as dt
from collections import Counter

from kuntakokeilu.customers import transfers
from kuntakokeilu.customers.models import Customership, Ground, Person
from kuntakokeilu.customers.queries import target_group_on
from kuntakokeilu.customers.target_group import age_on
from kuntakokeilu.rules.overlay import Edit
from kuntakokeilu.rules.parameters import default_store
from kuntakokeilu.whatif import compute, services
from kuntakokeilu.whatif.models import Change, Status, WhatIf

START = dt.date(2021, 3, 1)
CRITERIA = ("earnings_related", "under_age_limit", "immigrant", "foreign_language")


def _run(dates, edits, judge=compute.fast):
    whatif = services.create("test", "target-group", dates, edits, None, "en")
    snapshots = services.compute_snapshots(dates, edits, judge=judge)
    services.store(whatif, snapshots)
    return WhatIf.objects.get(pk=whatif.pk)


def _law_as_edits():
    law = default_store()
    return [
        Edit(name, v.value, v.start)
        for name in services.editable("target-group")
        for v in law.parameters[name].values
    ]


def test_an_overlay_equal_to_the_law_gives_the_initial_transfers_counts(generated):
    """Done when (issue 13): on 1.3.2021, with every parameter of the rule set to the law's own values, the
    counts in the target group per trial area and per municipality are those of the customerships the
    initial transfer stored (R-TG-3), and no one changes side."""
    transfers.initial(START)
    whatif = _run([START], _law_as_edits())
    snapshot = whatif.results["snapshots"][0]
    stored = Customership.objects.filter(ground=Ground.INITIAL_TRANSFER)
    by_municipality = Counter(stored.values_list("municipality__code", flat=True))
    by_area = Counter(
        str(n) for n in stored.values_list("municipality__trial_memberships__trial_area__number", flat=True)
    )
    assert snapshot["law"]["municipalities_in"] == dict(by_municipality)
    assert snapshot["whatif"]["municipalities_in"] == dict(by_municipality)
    assert snapshot["whatif"]["areas_in"] == dict(by_area)
    assert sum(by_area.values()) > 50
    assert snapshot["joins"] == {} and snapshot["leaves"] == {} and not whatif.changes.exists()
    assert snapshot["persons"] == Person.objects.count() == 400


def test_age_limit_25_moves_exactly_those_aged_25_to_29_whose_only_criterion_was_age(generated):
    """Done when (issue 13): with the age limit 25 the persons who leave are exactly those the rule puts in
    the group under the law, aged 25–29 on the date, whose only group criterion was their age (R-TG-2)."""
    on = dt.date(2021, 3, 1)
    expected = set()
    for person in Person.objects.all():
        outcome = target_group_on(person, on)
        met = {c.code for c in outcome.checks if c.code in CRITERIA and c.status == "pass"}
        only_age = outcome.result["in_target_group"] and met == {"under_age_limit"}
        if only_age and 25 <= age_on(person.birth_date, on) <= 29:
            expected.add(person.pk)
    whatif = _run([on], [Edit("target_group.age_limit", 25)])
    assert whatif.status == Status.DONE
    leaving = set(Change.objects.filter(whatif=whatif, joins=False).values_list("person_id", flat=True))
    assert leaving == expected and len(expected) > 5
    assert not Change.objects.filter(whatif=whatif, joins=True).exists()
    snapshot = whatif.results["snapshots"][0]
    assert sum(snapshot["leaves"].values()) == len(expected)
    law_in, alt_in = sum(snapshot["law"]["areas_in"].values()), sum(snapshot["whatif"]["areas_in"].values())
    assert law_in - alt_in == len(expected)
    assert snapshot["whatif"]["criteria"]["under_age_limit"] < snapshot["law"]["criteria"]["under_age_limit"]


def test_the_full_path_and_the_status_path_count_the_same(generated):
    """The status-only path is used for speed only: the stored counts are those of the full rule."""
    dates, edits = [dt.date(2021, 3, 1), dt.date(2023, 3, 31)], [Edit("target_group.age_limit", 25)]
    fast = _run(dates, edits, compute.fast).results
    full = _run(dates, edits, compute.full).results
    assert fast == full


def test_a_series_of_month_ends_is_a_snapshot_each(generated):
    whatif = _run(
        services.prepare("target-group", [dt.date(2022, 9, 1)], [])[0]
        + [dt.date(2022, 9, 30), dt.date(2022, 10, 31)],
        [Edit("target_group.age_limit", 35, dt.date(2022, 10, 1))],
    )
    first, second, third = whatif.results["snapshots"]
    assert [s["on"] for s in (first, second, third)] == ["2022-09-01", "2022-09-30", "2022-10-31"]
    assert first["joins"] == {} and second["joins"] == {}  # the edit holds from 1.10.2022
    assert sum(third["joins"].values()) > 0 and third["leaves"] == {}
