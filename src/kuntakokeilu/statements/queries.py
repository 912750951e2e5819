"""Read models of the statements pages (R-SP-8): a person's events with what each created and the rules'
explanations in the page's language."""

from __future__ import annotations

from kuntakokeilu.customers.models import Person

from .letters import explanation
from .models import BenefitEvent


def events_of(person: Person, lang: str) -> list[dict]:
    """The person's benefit events, latest first, each with its reminder, statement or notice and the
    explanations of the competence and the sanction ladder."""
    rows = (
        BenefitEvent.objects.filter(person=person)
        .select_related("reminder", "statement", "notice", "municipality")
        .order_by("-date", "-id")
    )
    return [
        {
            "event": event,
            "reminder": getattr(event, "reminder", None),
            "statement": getattr(event, "statement", None),
            "notice": getattr(event, "notice", None),
            "competence": explanation(event.competence, lang),
            "ladder": explanation(event.ladder, lang),
        }
        for event in rows
    ]
