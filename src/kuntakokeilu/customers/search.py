"""Searching job seekers (R-TG-1, R-X-1): by identity code or by names, among those the user may see.

The candidates are narrowed in the database to the user's places (`visibility.within`), then each is
judged by the catalogue's person rule; the views and the API write the access log for those listed.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from kuntakokeilu.access.actions import can, grants_for
from kuntakokeilu.access.models import Purpose

from .identity import InvalidHenkilotunnus, parse_henkilotunnus
from .models import Person
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
    text = " ".join(text.split())
    if not text:
        return []
    try:
        code = parse_henkilotunnus(text).code
    except InvalidHenkilotunnus:
        query = Q()
        for word in text.split():
            query &= Q(first_name__icontains=word) | Q(last_name__icontains=word)
        candidates = Person.objects.filter(query)
    else:
        candidates = Person.objects.filter(henkilotunnus=code)
    candidates = within(grants_for(user, "customers.view_person", on), candidates)
    found: list[Person] = []
    for person in candidates.order_by("last_name", "first_name", "pk").iterator():
        if can(user, "customers.view_person", person, on):
            found.append(person)
            if len(found) == SEARCH_LIMIT:
                break
    return found
