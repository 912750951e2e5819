"""Words of the network shown outside its own pages (the navigation), translated in this app."""

from django.utils.translation import gettext_lazy as _

NAV_NETWORK = _("Co-operation network")
NAV_NETWORK_HELP = _("The trial area's regional co-operation network: its members and meetings.")
