"""What the customers app's pages share: object lookups, form errors from the domain, the logged
write, organisation names."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access import audit, request_cache
from kuntakokeilu.access.models import Purpose

from .. import customerships
from ..models import Fact, Notice, Person, Responsible

CHECK_LABELS = {"pass": _("met"), "fail": _("not met"), "warn": _("warning"), "info": _("note")}


def person_or_404(request, person_id):
    return get_object_or_404(Person, pk=person_id)


def fact_or_404(request, person_id, fact_id):
    return get_object_or_404(
        Fact.objects.select_related("person", "municipality"), pk=fact_id, person_id=person_id
    )


def notice_or_404(request, person_id, notice_id):
    return get_object_or_404(
        Notice.objects.select_related("customership__person"), pk=notice_id, customership__person_id=person_id
    )


def add_errors(form, exc: ValidationError) -> None:
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, messages in exc.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


def logged(request, person, what: str, write):
    """Run a write on a person's case and log the access in the same transaction (R-X-2)."""
    with transaction.atomic():
        result = write()
        audit.record(request.user, [person], what, Purpose.TRANSFER)
    return result


def organisation_name(target: dict | None, lang: str) -> str:
    """The name of an organisation given as the rule's `responsible` answer, in the page's language
    (each organisation looked up once a request: a worklist names the same few on every row)."""
    key = ("organisation_name", tuple(sorted((target or {}).items())), lang)
    return request_cache.memo(key, REFERENCE_TABLES, lambda: _organisation_name(target, lang))


REFERENCE_TABLES = ("regions_municipality", "regions_teoffice", "regions_employmentarea")


def _organisation_name(target: dict | None, lang: str) -> str:
    fields = customerships.responsible_fields(target)
    place = fields["municipality"] or fields["te_office"]
    if place is None:
        return str(Responsible(fields["responsible"]).label)
    return place.name_in(lang)
