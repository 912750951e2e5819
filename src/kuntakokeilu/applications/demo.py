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
    yield from withdrawn_application(round_, today)


WITHDRAWN_NAME = "Lovisa – återkallad ansökan (demo)"


def withdrawn_application(round_: Round, today: dt.date):
    """Issue 15: Loviisa's applicant submitted and withdrew an application in the open round (the page says
    so in fi and sv; it is not screened). Through the services, as the applicant; a second run changes
    nothing."""
    from django.contrib.auth import get_user_model

    from kuntakokeilu.regions.models import Municipality

    from . import services
    from .models import Application

    applicant = get_user_model().objects.filter(username="pekka.nieminen").first()
    if applicant is None or Application.objects.filter(round=round_, name=WITHDRAWN_NAME).exists():
        return
    loviisa = Municipality.objects.get(code="434")
    with transaction.atomic():
        data = {
            "name": WITHDRAWN_NAME,
            "lead": loviisa,
            "municipalities": [loviisa],
            "own_resourcing_eur": 250000,
            "own_resourcing_person_years": 3.5,
            "lms_expenditure_2018_eur": {"434": 1400000.0},
            "service_model": "Snabb kontakt och individuell bedömning av servicebehovet.",
            "cooperation_structure": "Lovisa, NTM-centralen i Nyland, TE-byrån, läroanstalterna.",
            "negotiated_with_ely_on": today,
            "negotiated_with_te_office_on": today,
            "premises": "Samservicepunkten i stadshuset.",
            "justification": "Tvåspråkig kommun; försöket behöver service på svenska.",
        }
        application = services.save_application(applicant, Application(round=round_), data, today)
        missing = services.submit_application(applicant, application, today)
        if missing:
            raise ValueError(f"the demo application lacks {missing}")
        services.withdraw(applicant, application, today)
    yield f"Demo application withdrawn: {WITHDRAWN_NAME} (#{application.pk})."
