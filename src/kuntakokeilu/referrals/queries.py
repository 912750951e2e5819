"""Read models of services (R-SP-6)."""

from __future__ import annotations

from kuntakokeilu.customers.models import Person

from .models import Referral
from .rules import TRANSITIONS


def services_of(person: Person):
    """The person's referrals, the latest referral first."""
    return (
        Referral.objects.filter(person=person).select_related("municipality").order_by("-referred_on", "-id")
    )


def events_allowed(referral: Referral) -> set[str]:
    """The events the referral's state allows (the page shows only these forms)."""
    return set(TRANSITIONS.events_from(referral.state))
