"""Whose data a user's grants reach (R-X-1; law notes §7.1: only the data necessary for one's tasks).

Municipal staff (case workers, approvers, area managers) see a person while the person is a customer of
a municipality their grant covers on the date, or has an open due transfer handled by one (a kotikunta
change, L1269 s. 5 mom 1), or an open transfer request naming one as the receiver; a trial-area scope
pools its members. The target of a due transfer is not among them: its competence begins with the
transfer (L1269 s. 24). TE-office officials see the persons whose kotikunta (with temporary protection and
none, the residence) is in their office's area. The catalogue's person actions (`actions.py`) and the
searches (`search.py`) read these; none of them asks the catalogue row by row.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q

from kuntakokeilu.access import request_cache
from kuntakokeilu.access.roles import Role
from kuntakokeilu.regions.models import Municipality

from . import customerships
from .models import Customership, DueTransfer, Fact, FactKind, Person, Responsible, TransferRequest
from .queries import home_municipality_code


@dataclass(frozen=True)
class Places:
    """What the person-scope questions need of one person on one date, read once per request
    (`places`): the municipalities involved (`involved_municipalities`) and the trial municipality whose
    customer the person is then (`customerships.municipal_customership`'s municipality, or None)."""

    involved: frozenset[str]
    customer_of: Municipality | None


PLACES_TABLES = (Customership._meta.db_table, DueTransfer._meta.db_table, TransferRequest._meta.db_table)
HOME_TABLES = (Fact._meta.db_table,)


def places(person: Person, on: dt.date) -> Places:
    """The person's places on `on`, once per request (`access.request_cache`; a write to customerships,
    due transfers or transfer requests in the request reads them afresh)."""
    return request_cache.memo(("places", person.pk, on), PLACES_TABLES, lambda: _read_places(person, on))


def prepare(persons: list[Person], on: dt.date, *, homes: bool = False) -> dict:
    """The places (and with `homes` the home municipalities) of many persons on `on` in three queries,
    kept in the request's memo for the catalogue's questions that follow (a search's candidates); also
    returned: {"facts": {pk: current facts}, "customerships": {pk: rows}} of those read."""
    ids = [p.pk for p in persons]
    held: dict = defaultdict(list)
    for row in Customership.objects.filter(person_id__in=ids).select_related("municipality"):
        held[row.person_id].append(row)
    codes: dict = defaultdict(set)
    due = (
        DueTransfer.objects.open()
        .filter(person_id__in=ids, event_date__lte=on, handler_municipality__isnull=False)
        .values_list("person_id", "handler_municipality__code")
        .order_by()
    )
    requests = (
        TransferRequest.objects.open()
        .filter(person_id__in=ids, municipality__isnull=False)
        .values_list("person_id", "municipality__code")
        .order_by()
    )
    for pk, code in due.union(requests):
        codes[pk].add(code)
    facts: dict = defaultdict(list)
    if homes:
        for fact in Fact.objects.current().filter(person_id__in=ids).select_related("municipality"):
            facts[fact.person_id].append(fact)
    for person in persons:
        request_cache.put(
            ("places", person.pk, on), PLACES_TABLES, _places(held[person.pk], codes[person.pk], on)
        )
        if homes:
            home = home_municipality_code(person, on, facts[person.pk])
            request_cache.put(("home", person.pk, on), HOME_TABLES, home)
    return {"facts": facts, "customerships": held}


def _places(rows: list[Customership], others: set[str], on: dt.date) -> Places:
    held = customerships.on_date(rows, on)
    municipal = held if held is not None and held.responsible == Responsible.MUNICIPALITY else None
    codes = set(others)
    if municipal is not None:
        codes.add(municipal.municipality.code)
    return Places(frozenset(codes), municipal.municipality if municipal is not None else None)


def _read_places(person: Person, on: dt.date) -> Places:
    """Two queries: the customerships, then the open due transfers' handlers and the open requests'
    receivers together."""
    codes: set[str] = set()
    held = customerships.current(person, on)
    municipal = held if held is not None and held.responsible == Responsible.MUNICIPALITY else None
    if municipal is not None:
        codes.add(municipal.municipality.code)
    due = (
        DueTransfer.objects.open()
        .filter(person=person, event_date__lte=on, handler_municipality__isnull=False)
        .values_list("handler_municipality__code", flat=True)
        .order_by()
    )
    requests = (
        TransferRequest.objects.open()
        .filter(person=person, municipality__isnull=False)
        .values_list("municipality__code", flat=True)
        .order_by()
    )
    codes.update(due.union(requests))
    return Places(frozenset(codes), municipal.municipality if municipal is not None else None)


def involved_municipalities(person: Person, on: dt.date) -> set[str]:
    """The municipalities whose staff need the person's data on `on`: the trial municipality responsible
    then, the handler of an open due transfer, and the receiver of an open transfer request."""
    return set(places(person, on).involved)


def customer_municipality(person: Person, on: dt.date) -> Municipality | None:
    """The trial municipality whose customer the person is on `on` (for the catalogue's predicates; the
    use cases that write read `customerships.municipal_customership` in their transaction)."""
    return places(person, on).customer_of


def home_code(person: Person, on: dt.date) -> str | None:
    """`queries.home_municipality_code`, once per request."""
    return request_cache.memo(
        ("home", person.pk, on), HOME_TABLES, lambda: home_municipality_code(person, on)
    )


def persons_involving(codes: set[str]) -> Q:
    """A superset filter (on Person) of those `involved_municipalities` can name for `codes`."""
    customers = Customership.objects.filter(municipality__code__in=codes).values("person_id")
    due = DueTransfer.objects.open().filter(handler_municipality__code__in=codes).values("person_id")
    requests = TransferRequest.objects.open().filter(municipality__code__in=codes).values("person_id")
    return Q(pk__in=customers) | Q(pk__in=due) | Q(pk__in=requests)


def te_office_covers_place(relevant, person: Person, on: dt.date) -> bool:
    """A TE-office grant among `relevant` covers the person's place (kotikunta, or residence) on `on`."""
    offices = [g for g in relevant if g.role == Role.TE_OFFICE]
    if not offices:
        return False
    if any(g.everything for g in offices):
        return True
    code = home_code(person, on)
    return code is not None and any(code in g.municipalities for g in offices)


def person_in_scope(relevant, person: Person, on: dt.date) -> bool:
    """Whether the grants in `relevant` reach the person on `on` (see the module's docstring). An anonymised
    person (issue 20 item 3, R-X-4) is no one's: every page and API view naming them answers as for a missing
    one."""
    if person.anonymised_at is not None:
        return False
    if any(g.everything for g in relevant):
        return True
    if te_office_covers_place(relevant, person, on):
        return True
    municipal = [g for g in relevant if g.role != Role.TE_OFFICE]
    if not municipal:
        return False
    codes = places(person, on).involved
    return any(codes & g.municipalities for g in municipal)


def within(relevant, candidates):
    """Narrow a Person QuerySet in the database to those who ever had a kotikunta or residence the grants
    cover, or a customership, due transfer or request involving them: a superset of `person_in_scope`.
    Anonymised persons are left out (R-X-4)."""
    candidates = candidates.filter(anonymised_at__isnull=True)
    if any(g.everything for g in relevant):
        return candidates
    codes = set().union(*(g.municipalities for g in relevant)) if relevant else set()
    in_scope = Fact.objects.current().filter(
        kind__in=[FactKind.KOTIKUNTA, FactKind.RESIDENCE], municipality__code__in=codes
    )
    return candidates.filter(Q(pk__in=in_scope.values("person_id")) | persons_involving(codes))
