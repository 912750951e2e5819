"""Message ids of the target-group rule's checks (English source; fi/sv in customers/locale)."""

from django.utils.translation import gettext_noop as _

# The result in words (the rules console's text output, R-X-8).
RESULT_IN_GROUP = _("in the target group")
RESULT_NOT_IN_GROUP = _("not in the target group")

PILOT_NOT_IN_FORCE = _(
    "On %(on)s the Act on municipal employment pilots (1269/2020) is not in force: the person is not in the "
    "pilot."
)
PILOT_OVER = _("The pilot ran %(start)s–%(end)s: on %(on)s the person is not in the pilot.")
PILOT_RUNS = _("On %(on)s the pilot is running (%(start)s–%(end)s).")

STATUS_INCLUDED = _(
    "Labour-market status: %(status)s. A job seeker in this status can be transferred to a trial "
    "municipality."
)
STATUS_AT_RISK_NOT_YET = _(
    "Labour-market status: %(status)s. This status belongs to the target group only from %(from)s."
)
STATUS_EXCLUDED = _(
    "Labour-market status: %(status)s. A job seeker in this status is not transferred to a trial "
    "municipality."
)
JOB_SEARCH_VALID = _("The job search is valid.")
JOB_SEARCH_NOT_VALID = _("The job search is not valid: the person is not a job seeker.")

NOT_A_MUNICIPALITY = _("%(name)s (%(code)s) is not a municipality on %(on)s.")
KOTIKUNTA_TRIAL = _(
    "On %(on)s the kotikunta %(name)s (%(code)s) is a trial municipality of trial area %(area_no)s %(area)s."
)
KOTIKUNTA_NOT_TRIAL = _("On %(on)s the kotikunta %(name)s (%(code)s) is in no trial area.")
RESIDENCE_TRIAL = _(
    "The person has temporary protection and no kotikunta; on %(on)s the residence %(name)s (%(code)s) is "
    "a trial municipality of trial area %(area_no)s %(area)s."
)
RESIDENCE_NOT_TRIAL = _(
    "The person has temporary protection and no kotikunta; on %(on)s the residence %(name)s (%(code)s) is "
    "in no trial area."
)
NO_KOTIKUNTA = _(
    "The person has no kotikunta and no temporary protection: the residence %(name)s (%(code)s) does not "
    "bring them into the pilot."
)
NO_KOTIKUNTA_TP_NOT_YET = _(
    "The person has temporary protection but no kotikunta: the residence %(name)s (%(code)s) counts "
    "instead of a kotikunta only from %(from)s."
)

NO_PLACE = _("Neither a kotikunta nor a residence is known for %(on)s: who is responsible cannot be decided.")

EARNINGS_NOT_ENTITLED = _("Not entitled to earnings-related allowance: this group criterion is met.")
EARNINGS_ENTITLED = _("Entitled to earnings-related allowance: this group criterion is not met.")
UNDER_AGE = _(
    "Born %(birth_date)s, aged %(age)s on %(on)s and turns %(limit)s on %(until)s: under %(limit)s, "
    "this group criterion is met."
)
NOT_UNDER_AGE = _(
    "Born %(birth_date)s, aged %(age)s on %(on)s (turned %(limit)s on %(until)s): not under "
    "%(limit)s, this group criterion is not met."
)
IMMIGRANT = _("An immigrant: this group criterion is met.")
NOT_IMMIGRANT = _("Not an immigrant: this group criterion is not met.")
FOREIGN_LANGUAGE = _(
    "Mother tongue %(code)s, other than Finnish, Swedish or Sámi: a foreign-language speaker, this group "
    "criterion is met."
)
DOMESTIC_LANGUAGE = _("Mother tongue %(code)s (Finnish or Swedish): not a foreign-language speaker.")
SAMI_LANGUAGE = _("Mother tongue %(code)s, a Sámi language: not a foreign-language speaker.")
UNKNOWN_LANGUAGE = _(
    "Mother tongue unknown (%(code)s): it does not make the person a foreign-language speaker."
)
GROUP_MET = _("At least one group criterion is met.")
GROUP_NONE = _("No group criterion is met: the person stays with the TE office.")

CS_NOT_COVERED = _("Not covered by change security for persons aged 55 or over.")
CS_NOT_IN_FORCE = _(
    "Covered by change security (55+), but on %(on)s the law does not yet exclude such persons from the "
    "pilot."
)
CS_NO_NOTICE_DATE = _(
    "Covered by change security (55+), but the date of notice is not known: the exclusion for notices "
    "given from %(from)s cannot be applied."
)
CS_EARLY_NOTICE = _(
    "Covered by change security (55+) with notice given on %(notice)s, before %(from)s: the exclusion does "
    "not apply."
)
CS_EXCLUDED = _(
    "Covered by change security (55+) with notice given on %(notice)s, on or after %(from)s: the person is "
    "not a trial municipality's customer but the TE office's."
)

CUSTOMER_OF = _(
    "Since %(since)s a customer of the trial municipality %(name)s (%(code)s), trial area %(area_no)s "
    "%(area)s."
)
CUSTOMER_NOT_TRIAL = _(
    "The customership given is with %(name)s (%(code)s), which is in no trial area: the transfer is "
    "decided instead."
)
STAYS_REGARDLESS = _(
    "A customership continues while the job search is valid and the person lives in the trial area: "
    "turning %(limit)s or becoming entitled to earnings-related allowance does not end it."
)
SAME_AREA = _(
    "On %(on)s the person lives in %(name)s (%(code)s), still in trial area %(area_no)s %(area)s: the "
    "customership continues."
)
MOVED_TO_TRIAL = _(
    "On %(on)s the person lives in %(name)s (%(code)s), trial area %(area_no)s %(area)s: the customership "
    "moves to that trial municipality."
)
MOVED_OUT = _(
    "On %(on)s the person lives in %(name)s (%(code)s), outside the trial areas: the customership moves "
    "back to the TE office."
)

RESPONSIBLE_MUNICIPALITY = _(
    "Responsible on %(on)s: the trial municipality %(name)s (%(code)s), trial area %(area_no)s."
)
RESPONSIBLE_TE_OFFICE = _(
    "Responsible on %(on)s: %(te_office)s (%(te_office_code)s), the TE office of %(name)s (%(code)s)."
)
RESPONSIBLE_ALAND = _(
    "%(name)s (%(code)s) is on Åland, outside the pilot and the TE offices: Åland's own employment "
    "services (AMS) are responsible."
)
