"""The initial transfer's bulk path (customers/transfers.py: facts read without model instances, rows
written by one COPY or executemany per chunk) stores what the one-by-one path would (R-TG-3, R-TG-7):
each decision is the rule's outcome for the person's facts, each customership has the fields
`customerships.start` would give it, its notices are `notices.build`'s, and the summary counts every
candidate once."""

import datetime as dt

from kuntakokeilu.customers import notices, transfers
from kuntakokeilu.customers.models import Customership, Person
from kuntakokeilu.customers.queries import target_group_on
from kuntakokeilu.customers.synthetic import generate
from kuntakokeilu.rules.storage import load_record

START = dt.date(2021, 3, 1)


def test_the_bulk_path_stores_what_the_rule_and_the_notices_give(db):
    """R-TG-3, R-TG-7: the stored rows equal the one-by-one rule outcome and notices, field by field."""
    generate(150, seed=4)
    before = {p.pk: target_group_on(p, START) for p in Person.objects.all()}
    summary = transfers.initial(START)
    rows = list(Customership.objects.select_related("person", "municipality").prefetch_related("notices"))
    assert {r.person_id for r in rows} == {pk for pk, o in before.items() if o.result["in_target_group"]}
    for row in rows:
        outcome = before[row.person_id]
        assert load_record(row.decision).to_record() == outcome.to_record()
        assert row.rule_version == outcome.rule_version
        assert (row.responsible, row.municipality.code, row.te_office_id, row.valid_from, row.valid_to) == (
            "municipality",
            outcome.result["responsible"]["kunta_code"],
            None,
            START,
            None,
        )
        assert (row.ground, row.request_reason, row.accepted_on, row.recorded_by_id) == (
            "initial_transfer",
            "",
            None,
            None,
        )
        assert row.recorded_at is not None and all(n.created_at for n in row.notices.all())
        stored = sorted((n.recipient, n.language, n.data) for n in row.notices.all())
        assert stored == sorted((n.recipient, n.language, n.data) for n in notices.build(row, None))
    kept = sum(sum(area.kept.values()) for area in summary.areas.values())
    assert summary.transferred == len(rows) and summary.transferred + kept == len(before)
