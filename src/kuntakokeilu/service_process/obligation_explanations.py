"""The message ids of the rule `job-search-obligation` (English source; fi/sv in this app's locale/)."""

from __future__ import annotations

from django.utils.translation import gettext_noop as _

NOT_IN_FORCE = _(
    "On %(on)s the job-search obligation with its review periods is not in force: it applies from %(from)s."
)
PLAN_BASED_DUTY = _(
    "Until %(until)s the duty to seek work was what the employment plan agreed: to seek work and training, "
    "to carry out the plan and to report on it as agreed. The law set no number of job opportunities."
)

VARIANT_NORMAL = _(
    "The normal obligation: %(count)s in each review period of %(months)s, %(periods)s review periods "
    "before the obligation is reviewed."
)
VARIANT_PART_TIME = _(
    "Part-time work or a lay-off with reduced working hours: %(count)s in a review period of %(months)s."
)
VARIANT_SELF_STUDY = _(
    "Supported self-motivated study from %(start)s to %(end)s lasts over %(over)s: %(count)s in each "
    "review period of %(months)s."
)
VARIANT_REDUCED = _(
    "Fewer suitable jobs are available: %(count)s in each review period instead of %(base)s. "
    "Reason: %(reason)s"
)
NONE_NO_JOBS = _("No suitable jobs are available: no job-search obligation is set. Reason: %(reason)s")
REDUCTION_NOT_LOWER = _(
    "The reduced number %(count)s is not lower than the number of the law, %(base)s: the number of the law "
    "applies."
)
NONE_STATUS = _(
    "No job-search obligation is set for a job seeker who is %(status)s (it is set for unemployed and "
    "laid-off job seekers, part-time work and supported self-motivated study)."
)
NONE_EXEMPTION = _("No job-search obligation is set: %(case)s (a case the law lists).")
EXEMPTIONS = {
    "typ_need": _(
        "a need for multi-sector joint service (TYP) after %(months_from)s months of unemployment at the age "
        "of %(age)s or over, or after %(months_under)s months under that age"
    ),
    "incapacity": _("the job seeker's work and functional capacity does not allow applying for work"),
    "literacy_studies": _("studies in reading and writing"),
    "joint_procurement_training": _("training procured jointly with an employer"),
    "prevented": _("the job seeker is prevented from entering the labour market"),
    "unemployment_ending": _("the unemployment will end within a month"),
}

START_INTERVIEW = _(
    "The review periods count from the initial interview on %(date)s, where the employment plan set the "
    "obligation."
)
START_NOT_YET = _(
    "The obligation has not begun: the employment plan sets it at the initial interview, which has not "
    "been held."
)
START_SELF_STUDY = _(
    "During the supported self-motivated study the review periods count from the later of the initial "
    "interview (%(interview)s) and the start of the study (%(start)s)."
)
START_LAID_OFF = _(
    "Fully laid off since %(since)s: the obligation begins at the job-search discussion held once the "
    "lay-off has lasted %(months)s months (from %(from)s); it was held on %(date)s."
)
START_LAID_OFF_NOT_YET = _(
    "Fully laid off since %(since)s: the obligation begins at the job-search discussion held once the "
    "lay-off has lasted %(months)s months (from %(from)s); it has not been held."
)

PERIOD = _(
    "Review period %(number)s, %(start)s–%(end)s: %(required)s required, %(reported)s reported; %(state)s."
)
PERIOD_UNREPORTED = _(
    "Review period %(number)s, %(start)s–%(end)s: %(required)s required; no applications were given."
)
PERIOD_STATES = {
    "met": _("the number was reached"),
    "not_met": _("the number was not reached"),
    "open": _("the period is under way"),
    "future": _("the period has not begun"),
}

# Counts in the singular or plural (ngettext, R-X-8), nested as arguments of the messages above.
OPPORTUNITIES = _("%(n)s job opportunity")
OPPORTUNITIES_PLURAL = _("%(n)s job opportunities")
MONTHS = _("%(n)s month")
MONTHS_PLURAL = _("%(n)s months")
APPLICATIONS = _("%(n)s application")
APPLICATIONS_PLURAL = _("%(n)s applications")

NO_PARAMETER = _("The parameter %(name)s has no value on %(on)s.")
