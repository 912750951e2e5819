"""`{{ code|language_name }}`: a mother tongue by its name in the page's language (R-X-8)."""

from django import template
from django.utils import translation

from kuntakokeilu.customers.languages import language

register = template.Library()


@register.filter
def language_name(code) -> str:
    if not code:
        return ""
    name = language(str(code))
    return name if isinstance(name, str) else name.render((translation.get_language() or "fi")[:2])
