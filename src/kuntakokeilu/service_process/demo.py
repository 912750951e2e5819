"""Demo step of the service process (issue 16 item 6, in part): service points of the Helsinki, Porvoo and
Kainuu trial areas, Kainuu's own first-contact target of 2 working days, and meetings of the demo's
Helsinki (Finnish, aino.virtanen: Hodan Warsame) and Porvoo (Swedish, linnea.lindqvist: Johan Nyström)
customers, so that their service-process pages show done, due and overdue items. Idempotent; meetings
dated after today are not recorded. The service points' names and addresses are demo content in real
municipalities."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.models import Person
from kuntakokeilu.regions.models import Municipality, TrialArea

from . import batch, services
from .models import AreaFirstContactTarget, Meeting, ServicePoint

D = dt.date
# (kunta code, name fi, name sv, street address, postal code, opening hours, organisations)
POINTS = [
    (
        "091",
        "Työllisyyspalvelut, keskusta (demo)",
        "Sysselsättningstjänster, centrum (demo)",
        "Demokatu 1",
        "00100",
        "ma–pe 9–16 / må–fr 9–16",
        ["municipality", "kela"],
    ),
    (
        "638",
        "Porvoon työllisyyspalvelut (demo)",
        "Borgå sysselsättningstjänster (demo)",
        "Demogatan 2",
        "06100",
        "ma–pe 9–15 / må–fr 9–15",
        ["municipality", "te_office"],
    ),
    (
        "205",
        "Kainuun työllisyyspalvelut, Kajaani (demo)",
        "Kajanalands sysselsättningstjänster, Kajana (demo)",
        "Demokatu 3",
        "87100",
        "ma–to 9–15 / må–to 9–15",
        ["municipality", "wellbeing_services"],
    ),
]
# (person: birth date and number as in customers.demo, username, type, date, channel, kunta of the point)
MEETINGS = [
    (D(1985, 9, 2), 902, "aino.virtanen", "periodic_interview", D(2021, 4, 15), "face_to_face", "091"),
    (D(1985, 9, 2), 902, "aino.virtanen", "job_search_discussion", D(2022, 6, 1), "phone", None),
    (D(1988, 4, 19), 908, "linnea.lindqvist", "periodic_interview", D(2021, 4, 20), "face_to_face", "638"),
]
KAINUU_TARGET = (2, D(2022, 5, 2))


def _area_of(code: str) -> TrialArea:
    return TrialArea.objects.get(members__municipality__code=code)


@transaction.atomic
def run(today: dt.date):
    yield ""
    points = {}
    for code, name_fi, name_sv, street, postal, hours, organisations in POINTS:
        point, _created = ServicePoint.objects.update_or_create(
            trial_area=_area_of(code),
            name_fi=name_fi,
            defaults={
                "municipality": Municipality.objects.get(code=code),
                "name_sv": name_sv,
                "street_address": street,
                "postal_code": postal,
                "opening_hours": hours,
                "organisations": organisations,
            },
        )
        points[code] = point
    yield f"Service points: {len(points)} (Helsinki, Porvoo, Kajaani)."
    kainuu = TrialArea.objects.get(number=7)
    if not AreaFirstContactTarget.objects.filter(trial_area=kainuu).exists():
        AreaFirstContactTarget.objects.create(
            trial_area=kainuu, working_days=KAINUU_TARGET[0], valid_from=KAINUU_TARGET[1]
        )
    yield f"Kainuu's own first-contact target: {KAINUU_TARGET[0]} working days from {KAINUU_TARGET[1]}."
    users = get_user_model().objects
    recorded = 0
    for born, number, username, type_, day, channel, point_code in MEETINGS:
        person = Person.objects.filter(henkilotunnus=make_henkilotunnus(born, number)).first()
        if (
            person is None
            or day > today
            or Meeting.objects.filter(person=person, type=type_, date=day).exists()
        ):
            continue
        try:
            services.record_meeting(
                users.get(username=username),
                person,
                type=type_,
                date=day,
                channel=channel,
                today=today,
                service_point=points.get(point_code) if point_code else None,
            )
            recorded += 1
        except services.Refused as refused:
            yield f"Meeting of {person.full_name} on {day}: not recorded ({refused.message})."
    yield f"Demo meetings: {recorded} recorded."
    refreshed = 0
    for born, number in {(m[0], m[1]) for m in MEETINGS} | {(D(1972, 8, 15), 910)}:
        person = Person.objects.filter(henkilotunnus=make_henkilotunnus(born, number)).first()
        if person is not None:
            services.refresh_deadlines(person, today)
            refreshed += 1
    yield f"Deadlines on the worklists: refreshed for {refreshed} demo customers on {today}."
    # the month's close as the batch runs it (batch.refresh_all): every customer's items on the demo day
    summary = batch.refresh_all(today)
    yield (
        f"Deadlines of all {summary.persons} customers refreshed in a batch on {today}: "
        f"{summary.created} new, {summary.done} done, {summary.cancelled} no longer due."
    )
