"""Words of the service process shown outside its own pages (the navigation), translated in this app."""

from django.utils.translation import gettext_lazy as _

NAV_WORKLIST = _("Deadlines")
NAV_WORKLIST_HELP = _(
    "Interviews, discussions and reviews due for your customers: overdue, today, this week."
)
