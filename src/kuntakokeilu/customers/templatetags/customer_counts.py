"""`{% customer_counts_link area %}`: the link to a trial area's customer counts, for those who may see
them (the trial-area page of the regions app shows it; the words live in the customers app)."""

from django import template
from django.urls import reverse

from kuntakokeilu import clock
from kuntakokeilu.access.actions import can

register = template.Library()


@register.inclusion_tag("customers/_customer_counts_link.html", takes_context=True)
def customer_counts_link(context, area) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    allowed = user is not None and can(user, "customers.view_customer_counts", area, clock.today())
    return {"url": reverse("customers:customer-counts", args=[area.number]) if allowed else ""}
