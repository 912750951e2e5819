"""The funding app's navigation labels (translated in this app's catalogue)."""

from django.utils.translation import gettext_lazy as _

NAV_FUNDING = _("Quotas and funding")
NAV_FUNDING_HELP = _("Allocations to the ELY centres, the trial areas' quotas, own funding and state staff.")
