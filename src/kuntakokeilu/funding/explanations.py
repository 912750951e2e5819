"""The message ids of the funding outcomes a user sees (English source; fi/sv in this app's locale/)."""

from __future__ import annotations

from django.utils.translation import gettext_noop as _

QUOTA_BY_VOLUME = _(
    "By customer volume on %(on)s: %(volume)s of the %(total)s customers of the ELY centre's trial areas, "
    "%(amount)s € (largest remainders rounded up, so that the quotas sum exactly)."
)
QUOTA_EQUAL = _(
    "No trial area of the ELY centre had customers on %(on)s: the allocation is divided equally, "
    "%(amount)s €."
)
QUOTA_MANUAL = _("Set by the ELY centre: %(amount)s €.")
SHORTFALL = _(
    "The reference is %(percent)s %% of the 2018 labour-market-subsidy expenditure of %(expenditure)s €, "
    "%(reference)s €. Realised %(realised)s €: a shortfall of %(shortfall)s €."
)
REACHED = _(
    "The reference is %(percent)s %% of the 2018 labour-market-subsidy expenditure of %(expenditure)s €, "
    "%(reference)s €. Realised %(realised)s €: the reference is reached."
)
NOTHING_REALISED = _(
    "The reference is %(percent)s %% of the 2018 labour-market-subsidy expenditure of %(expenditure)s €, "
    "%(reference)s €. Nothing realised is recorded yet."
)
