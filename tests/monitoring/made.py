"""Constructed records with known answers for the monitoring tests (real municipalities: Kajaani 205 in
Kainuu's trial area 7, Kuhmo 290 in it too, Porvoo 638, Helsinki 091)."""

from __future__ import annotations

import datetime as dt
import itertools

from django.contrib.auth import get_user_model

from kuntakokeilu.customers.identity import make_henkilotunnus
from kuntakokeilu.customers.models import Customership, Ground, Person, Responsible
from kuntakokeilu.regions.models import Municipality

_numbers = itertools.count(200)
D = dt.date


def person() -> Person:
    number = next(_numbers)
    return Person.objects.create(
        henkilotunnus=make_henkilotunnus(dt.date(1990, 1, 1), number),
        birth_date=dt.date(1990, 1, 1),
        first_name="Testi",
        last_name=f"Henkilö{number}",
        service_language="fi",
    )


def kunta(code: str) -> Municipality:
    return Municipality.objects.get(code=code)


def customership(
    who: Person, code: str | None, start: dt.date, end: dt.date | None = None, **kw
) -> Customership:
    return Customership.objects.create(
        person=who,
        responsible=kw.pop("responsible", Responsible.MUNICIPALITY if code else Responsible.NONE),
        municipality=kunta(code) if code else None,
        valid_from=start,
        valid_to=end,
        ground=kw.pop("ground", Ground.INITIAL_TRANSFER),
        **kw,
    )


def staff(username: str = "monitoring.tester"):
    return get_user_model().objects.get_or_create(username=username)[0]
