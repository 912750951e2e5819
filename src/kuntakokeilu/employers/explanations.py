"""The message ids of the rule `job-offer-refusal` (English source; fi/sv in this app's locale/)."""

from __future__ import annotations

from django.utils.translation import gettext_noop as _

NOT_REFUSED = _("The job seeker applied for the job or was hired: there is no refusal to judge.")
NO_OUTCOME = _("No outcome has been recorded for the job offer: there is no refusal to judge.")
BEFORE_NORDIC = _(
    "Before %(from)s refusing or not applying for a job offered by the municipality is treated as refusing a "
    "job offered by the TE office: the refusal on %(on)s counts."
)
LADDER = _(
    "Periods without benefit in force on %(on)s: %(selected)s days for refusing a job one had been "
    "selected for; %(offered)s days for refusing a job offered by the authority or otherwise individually "
    "offered; %(short)s days if the job would have lasted at most two weeks."
)
COUNTS = _(
    "The job was offered by the authority and %(months)s months had passed since the initial interview on "
    "%(interview)s (on %(passed)s): not applying for it or refusing it on %(on)s counts as a failure in the "
    "job-search process."
)
NOT_YET = _(
    "The job was offered by the authority, but %(months)s months had not passed since the initial "
    "interview on %(interview)s (they pass on %(passed)s): not applying for it or refusing it on %(on)s "
    "does not count as a failure in the job-search process."
)
NO_INTERVIEW = _(
    "The job was offered by the authority before any initial interview had been held: the %(months)s "
    "months had not begun, so not applying for it or refusing it on %(on)s does not count as a failure in "
    "the job-search process."
)
EMPLOYER_OFFER = _(
    "The job was offered individually by an employer: refusing it on %(on)s is not a failure in the "
    "job-search process but a refusal of work judged on its own (%(days)s days without benefit, %(short)s "
    "days if the job would have lasted at most two weeks)."
)
NO_PARAMETER = _("The parameter %(name)s has no value on %(on)s.")

# The result in words (R-X-8)
RESULT_COUNTS = _("counts as a failure")
RESULT_DOES_NOT_COUNT = _("does not count as a failure")
