"""A job seeker's services through the API (issue 17 item 3, R-SP-6; R-X-1, R-X-2): the list and a new
referral (`/persons/{id}/services/`), and one referral's events (`…/services/{referral_id}/start|end|
interrupt|refuse|select/`). The same catalogue actions (`referrals.view`, `referrals.record`) and domain
calls (`referrals.services`) as the page; refusals are localised 400s naming the field, and nothing is
written; every answer with a person's data writes the access log in its transaction."""

from .services import PersonServices, ReferralEvent, event_view

__all__ = ["PersonServices", "ReferralEvent", "event_view"]
