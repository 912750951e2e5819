"""The words of monitoring that other apps show (the shell's link)."""

from django.utils.translation import gettext_lazy as _

NAV_MONITORING = _("Monthly monitoring")
NAV_MONITORING_HELP = _("The trial areas' monthly indicators, their review and approval.")
