"""Searching job seekers (R-TG-1, R-X-1): by identity code or by names, among those the user may see.

The candidates are narrowed in the database to the user's places (`visibility.within`), then each is
judged by the catalogue's person rule; the views and the API write the access log for those listed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from kuntakokeilu.access.actions import can, grants_for
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.access.roles import Role
from kuntakokeilu.regions.queries import municipality_histories
from kuntakokeilu.rules.parameters import default_store

from . import customerships, worklist
from .identity import InvalidHenkilotunnus, parse_henkilotunnus
from .models import DueTransfer, Fact, FactKind, KeepReason, Person, Responsible
from .queries import facts_on, home_municipality_code
from .target_group import decide
from .visibility import prepare, within

SEARCH_LIMIT = 50
# The purposes a search may be made for (R-X-2); a search by identity code must state one.
SEARCH_PURPOSES = (Purpose.CUSTOMER_SERVICE, Purpose.TRANSFER, Purpose.CORRECTION)


def find_by_henkilotunnus(code: str) -> Person | None:
    try:
        normalised = parse_henkilotunnus(code).code
    except InvalidHenkilotunnus:
        return None
    return Person.objects.filter(henkilotunnus=normalised).first()


def looks_like_henkilotunnus(text: str) -> bool:
    try:
        parse_henkilotunnus(text)
    except InvalidHenkilotunnus:
        return False
    return True


# Six digits first: the user meant an identity code, not a name (issue 15: a wrong check character or
# century sign is named, as the other forms do, instead of searching for it as a name and finding no one).
CODE_LIKE = re.compile(r"^\s*\d{6}\S\d{2,}")


def check_identity_code(query: str) -> None:
    """Raise the identity code's own error (checksum, century sign, date…) for a query shaped like one."""
    if CODE_LIKE.match(query or ""):
        try:
            parse_henkilotunnus(query)
        except InvalidHenkilotunnus as exc:
            raise ValidationError({"query": str(exc)}) from None


def purpose_of(query: str, purpose: str | None) -> str:
    """The purpose a search is logged with: the one given, or customer service for a search by name.
    A search by identity code without a purpose is refused (R-X-2); an invalid identity code is refused
    with its reason."""
    check_identity_code(query)
    if purpose:
        if purpose not in SEARCH_PURPOSES:
            raise ValidationError({"purpose": _("Choose one of the purposes offered.")})
        return purpose
    if looks_like_henkilotunnus(query):
        raise ValidationError({"purpose": _("Give the purpose of a search by personal identity code.")})
    return Purpose.CUSTOMER_SERVICE


def search(user, text: str, on: dt.date) -> list[Person]:
    """Persons whose identity code is `text` or whose names contain all its words, of those the user
    may see on `on`."""
    candidates = _candidates(text)
    if candidates is None:
        return []
    candidates = within(grants_for(user, "customers.view_person", on), candidates)
    homes = any(g.role == Role.TE_OFFICE for g in grants_for(user, "customers.view_person", on))
    found: list[Person] = []
    for chunk in _chunks(candidates.order_by("last_name", "first_name", "pk")):
        prepare(chunk, on, homes=homes)  # the chunk's places in three queries, for the questions below
        for person in chunk:
            if can(user, "customers.view_person", person, on):
                found.append(person)
                if len(found) == SEARCH_LIMIT:
                    return found
    return found


CHUNK = 200


def _chunks(candidates):
    """The candidates in lists of CHUNK, read a chunk at a time (each chunk one query)."""
    last = None
    while True:
        page = candidates if last is None else candidates.filter(_after(last))
        chunk = list(page[:CHUNK])
        if chunk:
            yield chunk
        if len(chunk) < CHUNK:
            return
        last = chunk[-1]


def _after(person: Person) -> Q:
    """Keyset pagination on (last_name, first_name, pk)."""
    return (
        Q(last_name__gt=person.last_name)
        | Q(last_name=person.last_name, first_name__gt=person.first_name)
        | Q(last_name=person.last_name, first_name=person.first_name, pk__gt=person.pk)
    )


def _candidates(text: str):
    """The persons whose identity code is `text` or whose names contain all its words (None: no text)."""
    text = " ".join(text.split())
    if not text:
        return None
    # R-X-4: an anonymised person is found by no one
    persons = Person.objects.filter(anonymised_at__isnull=True)
    try:
        code = parse_henkilotunnus(text).code
    except InvalidHenkilotunnus:
        query = Q()
        for word in text.split():
            query &= Q(first_name__icontains=word) | Q(last_name__icontains=word)
        return persons.filter(query)
    return persons.filter(henkilotunnus=code)


@dataclass(frozen=True)
class TeOfficeCustomer:
    """A job seeker of the municipal worker's own area who is the TE office's customer (issue 14,
    R-TG-2, R-TG-5): the name searched for and, when the TE office kept the person instead of
    transferring them (L1269 s. 5 mom 3, as mom 5 after L671/2022), its reason. Nothing to open: the
    worker's actions do not reach the person's data."""

    person: Person
    keep_reason: str = ""
    keep_text: str = ""

    @property
    def keep_reason_label(self) -> str:
        return str(KeepReason(self.keep_reason).label) if self.keep_reason else ""


def te_office_customers(user, text: str, on: dt.date, found: list[Person]) -> list[TeOfficeCustomer]:
    """The persons matching `text` whom a municipal worker's search may say are the TE office's on `on`:
    their kotikunta (with temporary protection and none, the residence) is in the worker's own area, their
    job search is valid and no trial municipality is responsible for them — kept by the TE office (with
    its reason), or registered and not in the target group (`_te_office_customer`). Persons outside the
    area stay unmentioned, as do those the search already found (`found`), those waiting for their
    transfer and former job seekers. The page and the API both ask this."""
    grants = [g for g in grants_for(user, "customers.search", on) if g.role != Role.TE_OFFICE]
    if not grants or any(g.everything for g in grants):
        return []
    codes = set().union(*(g.municipalities for g in grants))
    candidates = _candidates(text)
    if candidates is None or not codes:
        return []
    in_area = Fact.objects.current().filter(
        kind__in=[FactKind.KOTIKUNTA, FactKind.RESIDENCE], municipality__code__in=codes
    )
    candidates = candidates.filter(pk__in=in_area.values("person_id")).exclude(pk__in=[p.pk for p in found])
    listed: list[TeOfficeCustomer] = []
    for chunk in _chunks(candidates.order_by("last_name", "first_name", "pk")):
        read = prepare(chunk, on, homes=True)
        kept = _kept(chunk, on)
        places = _histories(read)
        for person in chunk:
            facts, rows = read["facts"][person.pk], read["customerships"][person.pk]
            row = _te_office_customer(person, on, codes, facts, rows, kept.get(person.pk), places)
            if row is not None:
                listed.append(row)
                if len(listed) == SEARCH_LIMIT:
                    return listed
    return listed


def _histories(read: dict) -> dict:
    """The histories of every municipality the chunk's facts and customerships name (four queries), for
    the target-group rule's pure `decide` (what its registered `evaluate` loads for one person)."""
    codes = {f.municipality.code for facts in read["facts"].values() for f in facts if f.municipality_id}
    codes |= {
        c.municipality.code for held in read["customerships"].values() for c in held if c.municipality_id
    }
    return municipality_histories(sorted(codes))


def _kept(persons: list[Person], on: dt.date) -> dict:
    """Each person's latest due transfer the TE office kept by `on` (as `worklist.kept_still` reads it)."""
    rows = (
        DueTransfer.objects.filter(person_id__in=[p.pk for p in persons], done_on__lte=on)
        .exclude(keep_reason="")
        .order_by("person_id", "-done_on", "-pk")
    )
    latest: dict = {}
    for row in rows:
        latest.setdefault(row.person_id, row)
    return latest


def _te_office_customer(
    person: Person,
    on: dt.date,
    codes: set[str],
    facts: list[Fact],
    rows: list,
    kept: DueTransfer | None,
    places: dict,
) -> TeOfficeCustomer | None:
    """The person as the TE office's customer of the area `codes`, or None: kept by the TE office while
    the keeping holds (`worklist.kept_still`), with its reason; the TE office's by a stored customership
    (e.g. moved back on request); or registered and not in the target group. One in the group and waiting
    for the transfer is not named: the TE office's worklist holds them (L1269 s. 24)."""
    if (
        home_municipality_code(person, on, facts) not in codes
        or not facts_on(person, on, facts, rows)["job_search_valid"]
    ):
        return None
    held = customerships.on_date(rows, on)
    if held is not None and held.responsible == Responsible.MUNICIPALITY:
        return None
    if kept is not None and worklist.kept_still(
        person, on, worklist.organisation_key(kept.target), facts, kept=kept
    ):
        return TeOfficeCustomer(person, kept.keep_reason, kept.keep_text)
    if held is not None and held.responsible == Responsible.TE_OFFICE:
        return TeOfficeCustomer(person)
    facts_then = facts_on(person, on, facts, rows)
    if facts_then["status"] is None:  # no status for the date: the rule has nothing to decide on
        return TeOfficeCustomer(person)
    if not decide(facts_then, on, default_store(), places).result["in_target_group"]:
        return TeOfficeCustomer(person)
    return None
