"""The funding pages' filter: an explanation (`rules.messages.Message`) in the page's language."""

from django import template
from django.utils import translation

register = template.Library()


@register.filter
def say(message) -> str:
    return message.render((translation.get_language() or "fi")[:2]) if message is not None else ""


@register.filter
def euros(value) -> str:
    """Euros with cents as the language writes them (12 345,67); whole euros without the cents."""
    if value is None or value == "":
        return ""
    from decimal import ROUND_HALF_UP, Decimal

    from kuntakokeilu.rules.messages import format_int

    amount = Decimal(value).quantize(Decimal("0.01"), ROUND_HALF_UP)
    sign = "−" if amount < 0 else ""
    whole, cents = divmod(abs(amount) * 100, 100)
    text = format_int(int(whole), translation.get_language() or "fi")
    return f"{sign}{text},{int(cents):02d}" if cents else f"{sign}{text}"


@register.filter
def month_name(value) -> str:
    """A month's number (1–12) as its name in the page's language."""
    from django.utils.dates import MONTHS

    return str(MONTHS.get(value, ""))
