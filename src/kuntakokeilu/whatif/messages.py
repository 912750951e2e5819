"""Words of the what-if that other apps show: catalogue labels, the navigation link, criteria."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "whatif.view": _("See policy what-ifs and their results"),
    "whatif.run": _("Run a policy what-if"),
    "whatif.view_changes": _("Open the persons of one's own scope who change side in a what-if"),
}
NAV_WHATIF = _("Policy what-if")
NAV_WHATIF_HELP = _("Count who would be in the target group under other parameter values, beside the law.")

CODES = {
    "earnings_related": _("not entitled to earnings-related allowance"),
    "under_age_limit": _("under the age limit"),
    "immigrant": _("immigrant"),
    "foreign_language": _("foreign-language speaker"),
    "status": _("status not included"),
    "job_search": _("no valid job search"),
    "kotikunta": _("kotikunta not in a trial area"),
    "residence": _("residence not in a trial area (or no route by residence)"),
    "group_criterion": _("no group criterion met"),
    "change_security": _("excluded by change security"),
    "no_group_criterion": _("the pilot not in force"),
    "no_facts": _("no status or place on the date"),
}
