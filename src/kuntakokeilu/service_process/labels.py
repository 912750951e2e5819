"""Words of the service process shown outside its own pages (the navigation), translated in this app."""

from django.utils.translation import gettext_lazy as _

NAV_WORKLIST = _("Deadlines")
NAV_WORKLIST_HELP = _(
    "Interviews, discussions and reviews due for your customers: overdue, today, this week."
)
NAV_CUSTOMERS = _("My customers")
NAV_CUSTOMERS_HELP = _("The job seekers assigned to you; the area manager assigns the area's customers.")
NAV_AREA = _("Service points and targets")
NAV_AREA_HELP = _("The trial area's service points, first-contact target and escalation threshold.")
