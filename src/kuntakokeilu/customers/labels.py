"""The labels of the customers app's transfer actions (R-TG-7) in the catalogue (access/actions.py),
kept here so that the app's own catalogue (customers/locale) translates them."""

from django.utils.translation import gettext_lazy as _

TRANSFER_ACTION_LABELS = {
    "customers.view_notice": _("See and print a job seeker's transfer notice"),
}
