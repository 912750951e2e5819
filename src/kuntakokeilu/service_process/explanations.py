"""The message ids of the rule `service-deadlines` (English source; fi/sv in this app's locale/).

An item's explanation is `ITEM` (or `ITEM_UNDATED`) with the item's name, its state, the basis (which
deadline, from which date, by which parameter) and how the calendar was counted (the days skipped).
"""

from __future__ import annotations

from django.utils.translation import gettext_noop as _

REGIME_PRE_NORDIC = _(
    "On %(on)s the interview schedule in force before the Nordic labour-market model applies "
    "(the Nordic model applies from %(nordic)s)."
)
REGIME_TRANSITION = _(
    "The job search began on %(start)s, before the Nordic labour-market model (%(nordic)s): the "
    "transitional provisions apply on %(on)s."
)
REGIME_NORDIC = _("The job search began on %(start)s: the Nordic labour-market model's schedule applies.")

ITEM = _("%(item)s: %(state)s, due %(due)s. %(basis)s %(calendar)s")
ITEM_UNDATED = _("%(item)s: %(state)s. %(basis)s")

ITEM_LABELS = {
    "first_interview": _("First interview"),
    "periodic_interview": _("Interview after three months of unemployment"),
    "initial_interview": _("Initial interview"),
    "area_first_contact": _("The trial area's first contact"),
    "supplementary_discussion": _("Supplementary job-search discussions after the initial interview"),
    "job_search_discussion": _("Job-search discussion"),
    "supplementary_pair": _("Six-monthly supplementary job-search discussions"),
    "end_of_service_discussion": _("Job-search discussion before a service ends"),
    "typ_assessment": _("Assessment of the need for multi-sector joint service (TYP)"),
    "typ_plan": _("Multi-sector plan in the mapping period"),
    "typ_plan_review": _("Review of the multi-sector plan"),
    "activation_plan_review": _("Review of the activation plan"),
    "integration_assessment": _("Start of the integration initial assessment"),
}

STATE_OPEN = _("open")
STATE_OVERDUE = _("overdue")
STATE_DONE = _("done on %(date)s")
STATE_NOT_REQUIRED = _("not required")

FIRST_INTERVIEW = _(
    "The first interview is due within %(days)s days of the start of the job search on %(start)s "
    "(a calendar period)."
)
TRANSITION_FIRST_INTERVIEW = _(
    "The job search began on %(start)s, before %(nordic)s, and no interview has been held: the old "
    "deadline of %(days)s days is kept. This is the project's reading; the transitional provisions are "
    "silent on it."
)
PERIODIC_INTERVIEW = _(
    "An interview is due each time continuous unemployment (since %(since)s) has lasted %(months)s "
    "months; counted from %(base)s."
)
INITIAL_INTERVIEW = _(
    "The initial interview is due within %(days)s working days of the start of the job search on %(start)s."
)
NO_NEW_INITIAL_INTERVIEW = _(
    "The previous job search ended on %(previous_end)s, less than %(months)s months before this one "
    "began on %(start)s: no new initial interview."
)
AREA_FIRST_CONTACT = _(
    "The trial area's own target: first contact within %(days)s working days of the start of the job "
    "search on %(start)s; the statutory deadline is %(statutory)s."
)
AREA_FIRST_CONTACT_WEAKER = _(
    "The trial area's target of %(days)s working days would end on %(area_due)s, after the statutory "
    "deadline %(statutory)s: an area may not relax the statutory floor, so its target is not applied."
)
SUPPLEMENTARY_BLOCK = _(
    "%(count)s supplementary discussions are due in the %(months)s months after the initial interview "
    "on %(initial)s; %(held)s held."
)
SUPPLEMENTARY_BLOCK_EARLY = _(
    "A supplementary discussion came before the initial interview, so %(count)s supplementary "
    "discussions are due in the %(months)s months after the initial interview on %(initial)s; "
    "%(held)s held."
)
LAID_OFF_NO_REQUEST = _(
    "For a laid-off job seeker the supplementary discussions after the initial interview are held only "
    "on request; none was made."
)
JOB_SEARCH_DISCUSSION = _(
    "A job-search discussion is due %(months)s months after the previous interview or discussion on %(base)s."
)
AWAITS_INITIAL_INTERVIEW = _("Counted from the initial interview, which has not been held yet.")
AWAITS_FIRST_INTERVIEW = _("Counted from the first interview, which has not been held yet.")
SUPPLEMENTARY_PAIR = _(
    "%(count)s supplementary discussions are due within %(within)s month(s) once %(months)s months have "
    "passed since %(base)s, that is from %(trigger)s; %(held)s held."
)
SUPPLEMENTARY_PAIR_TRANSITION = _(
    "For a job search begun before %(nordic)s, %(count)s supplementary discussions are due within "
    "%(within)s month(s) once a discussion has been held (%(discussion)s) and unemployment (since "
    "%(since)s) has lasted %(months)s months, that is from %(trigger)s; %(held)s held."
)
SUPPLEMENTARY_PAIR_NO_DISCUSSION = _(
    "For a job search begun before %(nordic)s the six-monthly discussions begin only once a job-search "
    "discussion has been held; none yet."
)
NOT_FOR_STATUS = _("Not held for a job seeker whose labour-market status is: %(status)s.")
NOT_UNEMPLOYED = _("Not held: the job seeker is not continuously unemployed.")
JOB_SEARCH_ENDING = _(
    "The job search ends on %(end)s, within %(months)s month(s) of %(on)s: no discussion is held."
)
IN_LONG_SERVICE = _(
    "During a service expected to last over %(months)s month(s) (%(start)s–%(end)s) no discussion is "
    "held; a job-search discussion comes before its end instead."
)
END_OF_SERVICE = _(
    "A job-search discussion is due %(months)s month(s) before the service's expected end on %(end)s."
)
NO_LONG_SERVICE = _(
    "No service expected to last over %(months)s month(s) and ending on or after %(from)s is under way."
)
TYP_SUBSIDY_DAYS = _(
    "Labour-market subsidy has been paid for %(lms)s days, at least %(limit)s: the need for multi-sector "
    "joint service is assessed."
)
TYP_UNEMPLOYMENT = _(
    "Continuously unemployed since %(since)s: at the age of %(age)s the need is assessed once "
    "unemployment has lasted %(months)s months, on %(trigger)s."
)
TYP_NO_TRIGGER = _(
    "No trigger of the multi-sector service-need assessment holds on %(on)s (labour-market subsidy days: "
    "%(lms)s of %(limit)s; continuous unemployment since: %(since)s)."
)
TYP_MAPPING = _(
    "The multi-sector plan is drawn up in the %(months)s-month mapping period from the start of the "
    "joint service on %(start)s."
)
TYP_NOT_STARTED = _("The multi-sector joint service has not started.")
TYP_PLAN_REVIEW = _(
    "The multi-sector plan is reviewed at least every %(months)s months; the last plan or review was on "
    "%(base)s."
)
NO_PLAN = _("No plan recorded; reviews follow the first plan.")
ACTIVATION_PLAN_REVIEW = _(
    "From %(from)s the activation plan is reviewed at least every %(months)s months; counted from %(base)s."
)
ACTIVATION_BEFORE = _("Before %(from)s the activation plan had no statutory review interval.")
INTEGRATION_ASSESSMENT = _(
    "The integration initial assessment is started within %(months)s months of the start of the "
    "customership or the request on %(start)s."
)
NO_INTEGRATION = _("No integration customership or request recorded.")
UNKNOWN_UNEMPLOYMENT = _("not unemployed")

CALENDAR_MOVED = _(
    "The period ends on %(raw)s, which is not a working day; by Act 150/1930 s. 5 it ends on the next "
    "working day, %(due)s (days skipped: %(skipped)s)."
)
CALENDAR_PLAIN = _("The period ends on %(raw)s, a working day (Act 150/1930 s. 5 moves nothing).")
WORKING_DAYS_SKIPPED = _("Counted in working days, the start day not counted; days skipped: %(skipped)s.")
WORKING_DAYS_NONE_SKIPPED = _("Counted in working days, the start day not counted; no day skipped.")
NO_PARAMETER = _(
    "The law in force on %(on)s is not held in the parameters (%(name)s): the deadlines are not computed."
)
