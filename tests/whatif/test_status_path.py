"""The status-only path of the target-group rule (R-TG-2; issue 13) gives the verdict of the full rule —
in or out, trial area, municipality, criteria met, first failed check — for every generated person, and for
the same persons with their facts varied (statuses, residence only, temporary protection, change security,
an earlier customership), on dates across the pilot and under parameter overlays."""

import datetime as dt
import random

from kuntakokeilu.customers.models import Person
from kuntakokeilu.customers.queries import facts_on
from kuntakokeilu.customers.statuses import STATUS_CODES
from kuntakokeilu.customers.target_group import decide
from kuntakokeilu.customers.target_group_status import from_decision, verdict
from kuntakokeilu.regions.queries import municipality_histories
from kuntakokeilu.rules.overlay import Edit, overlay
from kuntakokeilu.rules.parameters import default_store

DATES = [
    dt.date(2021, 2, 28),
    dt.date(2021, 3, 1),
    dt.date(2022, 5, 2),
    dt.date(2023, 3, 1),
    dt.date(2024, 12, 31),
    dt.date(2025, 1, 1),
]
OVERLAYS = [
    [],
    [Edit("target_group.age_limit", 25)],
    [Edit("target_group.age_limit", 35, dt.date(2022, 1, 1))],
    [Edit("target_group.included_statuses", ["unemployed"])],
    [Edit("target_group.temporary_protection_by_residence", True, dt.date(2021, 3, 1))],
    [Edit("target_group.change_security_notices_from", dt.date(2021, 6, 1), dt.date(2021, 3, 1))],
]


def _varied(given: dict, rng: random.Random, places) -> dict:
    facts = dict(given)
    facts["status"] = rng.choice(STATUS_CODES)
    facts["job_search_valid"] = rng.random() < 0.8
    if rng.random() < 0.2:  # residence only, with or without temporary protection
        facts["residence"], facts["kotikunta"] = facts["kotikunta"], None
        facts["temporary_protection"] = rng.random() < 0.6
    if rng.random() < 0.2:
        facts["change_security_55"] = True
        facts["change_security_notice_date"] = rng.choice([None, dt.date(2021, 5, 1), dt.date(2023, 2, 1)])
    if rng.random() < 0.1:  # a former municipality: judged by the full rule itself
        facts["kotikunta"] = rng.choice(["099", "091"])  # Honkajoki (until 2020), Helsinki
        facts["residence"] = None
    if rng.random() < 0.05:
        facts["current_customership"] = {
            "type": "municipality",
            "kunta_code": "205",
            "since": dt.date(2021, 3, 1),
        }
    return facts


def test_the_status_path_gives_the_full_rules_verdict(generated):
    places = municipality_histories()
    law = default_store()
    stores = [overlay(law, edits) for edits in OVERLAYS]
    rng = random.Random(5)
    compared = 0
    for person in Person.objects.all():
        for on in DATES:
            given = facts_on(person, on, customerships=[])
            for facts in (given, _varied(given, rng, places)):
                for params in stores:
                    full = from_decision(
                        decide(facts, on, params, places), places[facts["kotikunta"] or facts["residence"]]
                    )
                    assert verdict(facts, on, params, places) == full, (facts, on)
                    compared += 1
    assert compared == 400 * len(DATES) * 2 * len(OVERLAYS)
