"""The funding API (issue 18 items 3, 5 and 6; R-RES-1, R-RES-3, R-RES-4): the ministry's allocations, an ELY
centre's quotas with their computation (and the adjustment), a trial area's own funding and its state
person-years. Each resource's GET and POST ask their own action of the catalogue and call the same services
as the pages; a refusal is a 400 with the message in the request's language, and nothing is written."""

from .allocations import Allocations
from .own_funding import AreaOwnFunding, AreaPersonYears
from .payments import AreaPayments
from .quota_use import AreaQuotaUse, ElyQuotaUse, QuotaUseAcrossElys
from .quotas import ElyQuotaAdjustments, ElyQuotas

__all__ = [
    "Allocations",
    "AreaOwnFunding",
    "AreaPayments",
    "AreaPersonYears",
    "AreaQuotaUse",
    "ElyQuotaAdjustments",
    "ElyQuotaUse",
    "ElyQuotas",
    "QuotaUseAcrossElys",
]
