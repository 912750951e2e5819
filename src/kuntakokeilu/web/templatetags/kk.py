"""Template filters shared by every page."""

from django import template
from django.utils import translation

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
    return format_date(value, translation.get_language() or "fi") if value else ""


@register.filter
def cite(reference) -> str:
    """A legal reference of the parameter files in the current language (R-X-8)."""
    return cite_reference(str(reference), (translation.get_language() or "fi")[:2]) if reference else ""
