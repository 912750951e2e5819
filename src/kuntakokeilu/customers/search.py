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

from . import customerships, worklist
from .identity import InvalidHenkilotunnus, parse_henkilotunnus
from .models import DueTransfer, Fact, FactKind, KeepReason, Person, Responsible
from .queries import current_facts, facts_on, home_municipality_code, target_group_on
from .visibility import within

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
    found: list[Person] = []
    for person in candidates.order_by("last_name", "first_name", "pk").iterator():
        if can(user, "customers.view_person", person, on):
            found.append(person)
            if len(found) == SEARCH_LIMIT:
                break
    return found


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
    for person in candidates.order_by("last_name", "first_name", "pk").iterator():
        row = _te_office_customer(person, on, codes)
        if row is not None:
            listed.append(row)
            if len(listed) == SEARCH_LIMIT:
                break
    return listed


def _te_office_customer(person: Person, on: dt.date, codes: set[str]) -> TeOfficeCustomer | None:
    """The person as the TE office's customer of the area `codes`, or None: kept by the TE office while
    the keeping holds (`worklist.kept_still`), with its reason; the TE office's by a stored customership
    (e.g. moved back on request); or registered and not in the target group. One in the group and waiting
    for the transfer is not named: the TE office's worklist holds them (L1269 s. 24)."""
    facts = current_facts(person)
    if home_municipality_code(person, on) not in codes or not facts_on(person, on, facts)["job_search_valid"]:
        return None
    held = customerships.current(person, on)
    if held is not None and held.responsible == Responsible.MUNICIPALITY:
        return None
    kept = (
        DueTransfer.objects.filter(person=person, done_on__lte=on)
        .exclude(keep_reason="")
        .order_by("-done_on", "-pk")
        .first()
    )
    if kept is not None and worklist.kept_still(person, on, worklist.organisation_key(kept.target), facts):
        return TeOfficeCustomer(person, kept.keep_reason, kept.keep_text)
    if held is not None and held.responsible == Responsible.TE_OFFICE:
        return TeOfficeCustomer(person)
    outcome = target_group_on(person, on, facts)
    if outcome is None or not outcome.result["in_target_group"]:
        return TeOfficeCustomer(person)
    return None
