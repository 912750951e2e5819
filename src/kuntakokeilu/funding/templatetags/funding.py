"""The funding pages' filter: an explanation (`rules.messages.Message`) in the page's language."""

from django import template
from django.utils import translation

register = template.Library()


@register.filter
def say(message) -> str:
    return message.render((translation.get_language() or "fi")[:2]) if message is not None else ""
