"""Template filters shared by every page."""

import datetime as dt

from django import template
from django.utils import timezone, translation

from kuntakokeilu.rules.citations import cite as cite_reference
from kuntakokeilu.rules.messages import format_date, format_int

register = template.Library()


@register.filter
def name(obj) -> str:
    """The object's name in the current language: name_sv / name_en where they exist, else name_fi."""
    lang = translation.get_language() or "fi"
    return getattr(obj, f"name_{lang}", None) or obj.name_fi


@register.filter
def number(value) -> str:
    return format_int(value, translation.get_language() or "fi") if isinstance(value, int) else ""


@register.filter
def day(value) -> str:
    """A date as the language writes it (15.8.2022); an ISO date string (a date kept in JSON) too."""
    if isinstance(value, str) and value:
        value = dt.date.fromisoformat(value)
    return format_date(value, translation.get_language() or "fi") if value else ""


@register.filter
def cite(reference) -> str:
    """A legal reference of the parameter files in the current language (R-X-8)."""
    return cite_reference(str(reference), (translation.get_language() or "fi")[:2]) if reference else ""


@register.filter
def stamp(value) -> str:
    """A moment the system recorded (real clock, local time), as the language writes it (issue 15): 4.12.2026
    klo 1.44 / kl. 1.44, 4 December 2026 at 01:44 — never an ISO stamp on a fi/sv page."""
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    lang = (translation.get_language() or "fi")[:2]
    day = format_date(local.date(), lang)
    if lang == "en":
        return f"{day} at {local.hour:02d}:{local.minute:02d}"
    return f"{day} {'kl.' if lang == 'sv' else 'klo'} {local.hour}.{local.minute:02d}"
