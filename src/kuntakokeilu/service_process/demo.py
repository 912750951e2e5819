"""Demo step of the service process (issue 16 item 6, in part): service points of the Helsinki, Porvoo and
Kainuu trial areas, Kainuu's own first-contact target of 2 working days, and meetings of the demo's
Helsinki (Finnish, aino.virtanen: Hodan Warsame) and Porvoo (Swedish, linnea.lindqvist: Johan Nyström)
customers, so that their service-process pages show done, due and overdue items; their service-need
assessments, each with a review (two versions). Idempotent; meetings
dated after today are not recorded. The service points' names and addresses are demo content in real
municipalities."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.models import Person
from kuntakokeilu.regions.models import Municipality, TrialArea

from . import assessment, batch, services
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
    yield from _assessments(today)
    yield from _run_assignments(today)
    yield from _run_applications(today)
    yield from _week(today)


# --- the service-need assessment (issue 16 item 4, R-SP-4): a first assessment and a review each ---------
# (person: birth date and number, username, date, the date of the meeting at which it was reviewed or None,
# the areas' values and texts, the special-category part). Demo content, in the customer's language.
def _areas(skills, training, search, risk, texts):
    values = dict(zip(assessment.AREAS, (skills, training, search, risk), strict=True))
    return values | {f"{a}_text": t for a, t in zip(assessment.AREAS, texts, strict=True)}


def _health(capacity, social, health, rehabilitation, texts):
    values = dict(zip(assessment.HEALTH_AREAS, (capacity, social, health, rehabilitation), strict=True))
    return values | {f"{a}_text": t for a, t in zip(assessment.HEALTH_AREAS, texts, strict=True)}


ASSESSMENTS = [
    (
        (D(1985, 9, 2), 902, "aino.virtanen", D(2021, 4, 15)),
        _areas(
            "goal_unclear",
            "language",
            "needs_much_support",
            "high",
            (
                "Kokemusta hoiva-alalta kotimaassa; tavoite selvitetään.",
                "Suomen kieli A2: kotoutumiskoulutus.",
                "Ei aiempaa työnhakua Suomessa.",
                "Työttömyys jatkunut yli vuoden.",
            ),
        ),
        _health(
            "unclear",
            "yes",
            "none",
            "none",
            ("Arvioidaan tarvittaessa.", "Lasten päivähoito järjestettävä.", "", ""),
        ),
    ),
    (
        (D(1985, 9, 2), 902, "aino.virtanen", D(2022, 6, 1)),
        _areas(
            "need_updating",
            "degree",
            "needs_support",
            "medium",
            (
                "Tavoitteena lähihoitajan tutkinto.",
                "Lähihoitajan tutkinto oppisopimuksella.",
                "Hakee harjoittelupaikkoja itse.",
                "Kielitaito ja tutkinto parantavat ennustetta.",
            ),
        ),
        _health(
            "full", "none", "none", "none", ("Ei rajoitteita hoitotyöhön.", "Päivähoito järjestyi.", "", "")
        ),
    ),
    (
        (D(1988, 4, 19), 908, "linnea.lindqvist", D(2021, 4, 20)),
        _areas(
            "need_updating",
            "supplementary",
            "needs_support",
            "medium",
            (
                "Lagerarbetare; vill arbeta med logistik.",
                "Truckkort och arbetssäkerhetskort.",
                "Cv behöver uppdateras.",
                "Arbetslös i ett halvt år.",
            ),
        ),
        _health(
            "reduced",
            "none",
            "yes",
            "yes",
            (
                "Ryggbesvär: inga tunga lyft.",
                "",
                "Företagshälsovårdens bedömning.",
                "Yrkesinriktad rehabilitering utreds.",
            ),
        ),
    ),
    (
        (D(1988, 4, 19), 908, "linnea.lindqvist", D(2022, 3, 15)),
        _areas(
            "match",
            "none",
            "good",
            "low",
            ("Truckkort klart; söker lagerjobb.", "", "Söker aktivt.", "Goda utsikter i Borgå."),
        ),
        _health(
            "reduced",
            "none",
            "none",
            "yes",
            ("Lätt lagerarbete möjligt.", "", "", "Arbetsprövning inom rehabiliteringen."),
        ),
    ),
]


def _assessments(today: dt.date):
    users = get_user_model().objects
    recorded = 0
    for (born, number, username, day), values, health in ASSESSMENTS:
        person = Person.objects.filter(henkilotunnus=make_henkilotunnus(born, number)).first()
        if person is None or day > today or person.assessments.filter(assessed_on=day).exists():
            continue
        meeting = person.meetings.filter(date=day, no_show=False).first()
        try:
            assessment.record_assessment(
                users.get(username=username),
                person,
                today=today,
                assessed_on=day,
                meeting=meeting,
                values=values,
                health=health,
            )
            recorded += 1
        except services.Refused as refused:
            yield f"Assessment of {person.full_name} on {day}: not recorded ({refused.message})."
    yield f"Service-need assessments: {recorded} versions recorded (Warsame, Nyström: each with a review)."


# --- customer assignments and Kainuu's escalation threshold (issue 16 item 2) ---------------------------
# Helsinki's and Porvoo's demo customers are aino.virtanen's and linnea.lindqvist's (recorded by the demo:
# those areas have no demo area manager); Kainuu's area manager juha.heikkinen assigned Kajaani's customers
# to ville.hyvonen two weeks before today and reassigned two of them to emma.kinnunen today (one bulk
# reassignment through `assignments.assign`); Kainuu escalates after 3 working days from 2.5.2022.
OWN_CUSTOMERS = [
    ("aino.virtanen", "091", [(D(1985, 9, 2), 902), (D(1978, 5, 14), 901), (D(1990, 7, 23), 904)]),
    ("linnea.lindqvist", "638", [(D(1988, 4, 19), 908), (D(1999, 12, 1), 909)]),
]
KAINUU_THRESHOLD = (3, D(2022, 5, 2))
KAINUU_ASSIGNED = 4  # Kajaani customers assigned to ville.hyvonen; the first two then go to emma.kinnunen


def _run_assignments(today: dt.date):
    from .assignment_queries import customers_of
    from .assignments import assign
    from .models import AreaEscalationThreshold, CustomerAssignment

    users = get_user_model().objects
    recorded = 0
    for username, code, people in OWN_CUSTOMERS:
        worker = users.get(username=username)
        codes = [make_henkilotunnus(born, number) for born, number in people]
        for person in Person.objects.filter(customers_of([code], today, "pk"), henkilotunnus__in=codes):
            if not CustomerAssignment.objects.filter(person=person, valid_to__isnull=True).exists():
                CustomerAssignment.objects.create(person=person, worker=worker, valid_from=today)
                recorded += 1
    yield f"Own customers: {recorded} Helsinki and Porvoo demo customers assigned to their case workers."
    kainuu = TrialArea.objects.get(number=7)
    if not AreaEscalationThreshold.objects.filter(trial_area=kainuu).exists():
        AreaEscalationThreshold.objects.create(
            trial_area=kainuu, working_days=KAINUU_THRESHOLD[0], valid_from=KAINUU_THRESHOLD[1]
        )
    yield f"Kainuu's escalation threshold: {KAINUU_THRESHOLD[0]} working days from {KAINUU_THRESHOLD[1]}."
    earlier = today - dt.timedelta(days=14)
    manager, ville, emma = (
        users.get(username=u) for u in ("juha.heikkinen", "ville.hyvonen", "emma.kinnunen")
    )
    kajaani = Person.objects.filter(customers_of(["205"], earlier, "pk"), customers_of(["205"], today, "pk"))
    if CustomerAssignment.objects.filter(person__in=kajaani).exists():
        yield "Kainuu's assignments: no change (already recorded)."
        return
    chosen = list(kajaani.order_by("last_name", "first_name", "pk")[:KAINUU_ASSIGNED])
    try:
        assign(manager, chosen, ville, on=earlier, today=earlier)
        moved = assign(manager, chosen[:2], emma, on=today, today=today)
    except services.Refused as refused:
        yield f"Kainuu's assignments: not recorded ({refused.message})."
        return
    yield (
        f"Kainuu's assignments: {len(chosen)} Kajaani customers assigned to ville.hyvonen on {earlier}, "
        f"{moved.changed} reassigned to emma.kinnunen on {today} in one bulk reassignment."
    )


# --- the job-search obligation (issue 17 item 2): applications Hodan Warsame reported after her
# job-search discussion of 1.6.2022, recorded by aino.virtanen; idempotent, none dated after today.
def _run_applications(today: dt.date):
    from .job_applications import record_application
    from .models import JobApplication

    users = get_user_model().objects
    warsame = Person.objects.filter(henkilotunnus=make_henkilotunnus(D(1985, 9, 2), 902)).first()
    added = 0
    for day, employer, title, kind in APPLICATIONS if warsame is not None else ():
        if (
            day > today
            or JobApplication.objects.filter(person=warsame, applied_on=day, employer=employer).exists()
        ):
            continue
        try:
            record_application(
                users.get(username="aino.virtanen"),
                warsame,
                applied_on=day,
                employer=employer,
                job_title=title,
                kind=kind,
                today=today,
            )
            added += 1
        except services.Refused as refused:
            yield f"Application of {warsame.full_name} on {day}: not recorded ({refused.message})."
    yield f"Reported applications: {added} recorded for Hodan Warsame."


# (date, employer, job title, kind): demo content; the employers are made up.
APPLICATIONS = [
    (D(2022, 6, 8), "Kahvila Demo Oy", "barista", "vacancy"),
    (D(2022, 6, 14), "Demo Logistiikka Oy", "varastotyöntekijä", "vacancy"),
    (D(2022, 6, 21), "Helsingin kaupunki (demo)", "koulunkäynninohjaaja", "job_offer"),
    (D(2022, 6, 29), "Demo Siivous Oy", "siistijä", "open_application"),
    (D(2022, 7, 6), "Kauppa Demo Oy", "myyjä", "vacancy"),
]


# --- a case worker's week (issue 16 item 6) ---------------------------------------------------------------
# A year of synthetic meetings up to a week before the demo's day (synthetic.py), every customer's items as
# they stood then (the batch), then the week: aino.virtanen (Helsinki) and linnea.lindqvist (Porvoo) own
# some more customers and hold about half of the discussions due by the day, each through
# `services.record_meeting` (an item met is done on the meeting's day), and the month's close refreshes every
# customer's items on the day: done, overdue, due today and this week on their lists; Kainuu's overdue items
# escalated to juha.heikkinen. Idempotent: the week is recorded once.
WEEK_WORKERS = (("aino.virtanen", "091", 30), ("linnea.lindqvist", "638", 15))
# the meeting that meets an item of a type (deadlines.ITEM_TYPES -> deadlines.EVENT_TYPES)
MEETS = {
    "initial_interview": "initial_interview",
    "area_first_contact": "initial_interview",
    "job_search_discussion": "job_search_discussion",
    "end_of_service_discussion": "job_search_discussion",
    "supplementary_discussion": "supplementary_discussion",
    "supplementary_pair": "supplementary_discussion",
    "typ_assessment": "typ_assessment",
    "typ_plan": "typ_plan",
    "typ_plan_review": "typ_plan_review",
    "activation_plan_review": "activation_plan_review",
    "integration_assessment": "integration_assessment",
}


def _week(today: dt.date):
    from . import synthetic
    from .models import CustomerAssignment, DueItem

    start = today - dt.timedelta(days=7)
    users = get_user_model().objects
    workers = [users.get(username=name) for name, _code, _count in WEEK_WORKERS]
    if Meeting.objects.filter(recorded_by__in=workers, date__gt=start, date__lte=today).exists():
        summary = batch.refresh_all(today)
        yield f"The case workers' week: no change (already recorded); {summary.created} items new on {today}."
        return
    written = synthetic.generate(start, seed=2021)
    batch.refresh_all(start)
    held = 0
    for worker, (_name, code, count) in zip(workers, WEEK_WORKERS, strict=True):
        open_items = DueItem.objects.open().filter(handler_municipality__code=code, due_by__lte=today)
        persons = list(
            Person.objects.filter(pk__in=open_items.values("person_id"))
            .exclude(pk__in=CustomerAssignment.objects.filter(valid_to__isnull=True).values("person_id"))
            .order_by("last_name", "first_name", "pk")[:count]
        )
        for person in persons:
            CustomerAssignment.objects.create(person=person, worker=worker, valid_from=start)
        mine = open_items.filter(person__service_assignments__worker=worker).order_by("due_by", "pk")
        for index, item in enumerate(mine):
            day = min(today, max(start + dt.timedelta(days=1 + index % 7), item.event_date))
            if index % 2 or item.type not in MEETS or day.weekday() >= 5:
                continue  # about half are held; the rest stay overdue or due
            try:
                services.record_meeting(
                    worker, item.person, type=MEETS[item.type], date=day, channel="phone", today=today
                )
                held += 1
            except services.Refused:
                continue  # e.g. a job search that ended meanwhile: nothing to hold
    summary = batch.refresh_all(today)
    yield (
        f"The case workers' week {start + dt.timedelta(days=1)}–{today}: {written} synthetic meetings of the "
        f"year before, {held} discussions held by aino.virtanen and linnea.lindqvist; the month's close on "
        f"{today}: {summary.created} items new, {summary.done} done, {summary.cancelled} no longer due."
    )
