"""Demo data of labour-policy statements (issue 17 item 5), on real places: Hodan Warsame (Helsinki) misses
two job-search discussions in summer 2022 — a written reminder, then a notice to the TE office with the
ladder's 7 days; Johan Nyström (Porvoo, Swedish) interrupts a work trial — the municipality's own statement
to Kela, in Swedish. Created through `services.record_event`; idempotent (a second run changes nothing)."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.models import Person

from . import services
from .models import BenefitEvent

D = dt.date
# (person: birth date and number as in customers.demo, username, source, kind, date, facts)
EVENTS = [
    (D(1985, 9, 2), 902, "aino.virtanen", "demo:missed-1", "discussion_missed", D(2022, 8, 1),
     {"initial_interview": "2022-06-01", "description": "Ei saapunut sovittuun työnhakukeskusteluun."}),
    (D(1985, 9, 2), 902, "aino.virtanen", "demo:missed-2", "discussion_missed", D(2022, 8, 22),
     {"initial_interview": "2022-06-01", "description": "Ei saapunut uuteen keskusteluun."}),
    (D(1988, 4, 19), 908, "linnea.lindqvist", "demo:work-trial", "service_interrupted", D(2022, 8, 15),
     {"service": "Arbetsprövning, Borgå stad", "information_complete": "2022-08-17",
      "description": "Arbetsprövningen avbröts efter två veckor."}),
]  # fmt: skip


def run(today: dt.date):
    yield ""
    users = get_user_model().objects
    created = 0
    for born, number, username, source, kind, day, facts in EVENTS:
        person = Person.objects.filter(henkilotunnus=make_henkilotunnus(born, number)).first()
        if (
            person is None
            or day > today
            or BenefitEvent.objects.filter(person=person, source=source).exists()
        ):
            continue
        try:
            services.record_event(
                person, kind, day, source=source, facts=facts, by=users.get(username=username)
            )
            created += 1
        except ValidationError as refused:
            reason = " ".join(refused.messages)
            yield f"Benefit event of {person.full_name} on {day}: not recorded ({reason})."
    handled = {
        handling: BenefitEvent.objects.filter(source__startswith="demo:", handling=handling).count()
        for handling in ("reminder", "notice", "statement")
    }
    yield (
        f"Benefit events: {created} recorded; written reminders {handled['reminder']}, notices to the TE "
        f"office {handled['notice']}, statements to Kela {handled['statement']}."
    )
