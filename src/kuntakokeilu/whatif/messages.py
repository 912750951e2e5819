"""Words of the what-if that other apps show: catalogue labels, the navigation link, criteria."""

from django.utils.translation import gettext_lazy as _

from kuntakokeilu.customers.labels import KEPT_REASONS

ACTION_LABELS = {
    "whatif.view": _("See policy what-ifs and their results"),
    "whatif.run": _("Run a policy what-if"),
    "whatif.view_changes": _("Open the persons of one's own scope who change side in a what-if"),
}
NAV_WHATIF = _("Policy what-if")
NAV_WHATIF_HELP = _("Count who would be in the target group under other parameter values, beside the law.")

# the target group's reason codes, in words: the rule's own labels (customers.labels)
CODES = KEPT_REASONS
