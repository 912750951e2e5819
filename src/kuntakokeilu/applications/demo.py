"""Demo step of the applications app: the real rounds and their outcomes, and an open round for trying it.

`demo-open` opens today on the injected clock, uses the selection parameters of the real rounds, the
population of the latest year shipped and the latest month of the shipped job-seeker statistics.
Idempotent: an existing open round is left as it is (it is opened again if it has closed).
"""

import datetime as dt

from django.db import transaction

from kuntakokeilu.regions.models import Population

from .models import Round, RoundState
from .rounds import latest_statistics_month, load_rounds

DEMO_ROUND = "demo-open"
OPEN_FOR_DAYS = 60


def next_month_start(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


@transaction.atomic
def ensure_open_round(today: dt.date) -> tuple[Round, bool]:
    year = Population.objects.order_by("-year").values_list("year", flat=True).first()
    closes = today + dt.timedelta(days=OPEN_FOR_DAYS)
    values = {
        "name_fi": "Kokeiluhaku (demo)",
        "name_sv": "Ansökningsomgång (demo)",
        "opens": today,
        "closes": closes,
        "population_date": dt.date(year, 12, 31),
        "planned_pilot_start": next_month_start(closes),
        "statistics_month": latest_statistics_month(),
        "state": RoundState.OPEN,
    }
    round_ = Round.objects.filter(code=DEMO_ROUND).first()
    if round_ is None:
        return Round.objects.create(code=DEMO_ROUND, **values), True
    if not round_.is_open_on(today):
        Round.objects.filter(pk=round_.pk).update(**values)
        round_.refresh_from_db()
        return round_, True
    return round_, False


def run(today):
    report = load_rounds()
    yield "Application rounds: " + ("loaded." if report.changed else "already up to date.")
    round_, changed = ensure_open_round(today)
    state = "opened" if changed else "open"
    yield f"Demo application round {round_.code} {state}: {round_.opens:%d.%m.%Y}–{round_.closes:%d.%m.%Y}."
