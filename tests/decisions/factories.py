"""Test data: a benefit decision of a person, written directly (for the URL matrix, whose world has none)."""

import datetime as dt
from decimal import Decimal

from kuntakokeilu.decisions.models import Decision
from kuntakokeilu.rules.registry import get_rule
from kuntakokeilu.rules.storage import save_records

WAGE_FACTS = {
    "employer_type": "company",
    "unemployed_months_last_14": 13,
    "unemployed_months_last_28": 20,
    "reduced_work_ability": False,
    "age": 51,
    "employment_started_before_decision": False,
    "consecutive_period_applied_in_time": None,
    "esf_funded": None,
}


def draft_decision(person, municipality, by, on: dt.date) -> Decision:
    """A draft wage-subsidy decision of `person` by `municipality` (the first one, created on first use)."""
    found = Decision.objects.filter(person=person).first()
    if found is not None:
        return found
    outcome = get_rule("wage-subsidy").run(WAGE_FACTS, on)
    return Decision.objects.create(
        person=person,
        instrument="wage-subsidy",
        municipality=municipality,
        decision_date=on,
        facts=WAGE_FACTS,
        outcome=save_records([outcome])[0],
        amount=Decimal("1000.00"),
        percent=outcome.result["max_percent"],
        start=on,
        end=on + dt.timedelta(days=60),
        prepared_by=by,
        diary_number=f"{municipality.code}/{on.year}/matrix",
    )
