"""The message ids of the plans' rule (`rules.py`; rule `plan-deadlines`): English source, fi/sv in this app's
locale/. Arguments are dates, numbers and nested messages, rendered when shown."""

from __future__ import annotations

from django.utils.translation import gettext_noop as _

# the review date of a version
EMPLOYMENT_REVIEW = _(
    "The employment plan is reviewed at the interviews and job-search discussions; the next falls at the "
    "latest %(months)s months after the plan of %(agreed)s: by %(review)s."
)
TYP_REVIEW = _(
    "The multi-sector employment plan is reviewed at least every %(months)s months: the plan of %(agreed)s "
    "by %(review)s."
)
ACTIVATION_REVIEW = _(
    "The activation plan is reviewed at least every %(months)s months: the plan of %(agreed)s by %(review)s."
)
ACTIVATION_REVIEW_LATER = _(
    "The activation plan of %(agreed)s had no statutory review interval; from %(from)s it is reviewed at "
    "least every %(months)s months: by %(review)s."
)
INTEGRATION_REVIEW = _(
    "An integration plan is made for at most %(months)s months: the plan of %(agreed)s holds until "
    "%(review)s."
)
INTEGRATION_ENTITLEMENT = _(
    "The right to an integration plan lasts %(months)s months from the first plan of %(first)s "
    "(extended by %(extension)s months): it ends on %(end)s, before a year from this plan."
)

NO_PARAMETER = _("The parameter %(name)s has no value on %(on)s.")

# bad input: a version
STEP_BEFORE_PLAN = _("Step %(n)s is due on %(due)s, before the plan's date %(agreed)s.")
STEP_WITHOUT_TEXT = _("Step %(n)s needs a text.")
NO_STEPS = _("A plan needs at least one agreed step.")
SERVICE_ENDS_BEFORE_START = _("Service %(n)s ends on %(end)s, before its planned start %(start)s.")
SERVICE_ENDS_BEFORE_PLAN = _("Service %(n)s ends on %(end)s, before the plan's date %(agreed)s.")
NO_GOALS = _("A plan needs its goals.")
OBLIGATION_REQUIRED = _(
    "From %(from)s an activation plan includes the job-search obligation: write it in the plan."
)
BEFORE_LATEST = _("The plan is dated %(agreed)s, before its latest version of %(latest)s.")
IN_THE_FUTURE = _("A plan cannot be dated after today (%(today)s).")
EXTENSION_TOO_LONG = _("The right to an integration plan may be extended by at most %(max)s months.")
EXTENSION_NOT_INTEGRATION = _("Only an integration plan's entitlement is extended.")
ENTITLEMENT_ENDED = _(
    "The right to an integration plan ended on %(end)s (%(months)s months from the first plan of %(first)s, "
    "extended by %(extension)s months)."
)

# bad input: an approval
APPROVAL_BEFORE_PLAN = _("The approval is dated %(approved)s, before the plan's date %(agreed)s.")
APPROVAL_IN_THE_FUTURE = _("An approval cannot be dated after today (%(today)s).")
ALREADY_APPROVED = _("This party's approval of the version is already recorded.")
