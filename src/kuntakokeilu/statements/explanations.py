"""The message ids of the rules `labour-policy-statement` and `sanction-ladder` (English source; fi/sv in
this app's locale/), and the labels of event kinds, statement subjects and consequences."""

from __future__ import annotations

from django.utils.translation import gettext_noop as _

KINDS = {
    "discussion_missed": _("a missed interview or job-search discussion"),
    "job_offer_refused": _("a job offer refused"),
    "service_refused": _("a service refused"),
    "service_interrupted": _("a service interrupted"),
    "plan_not_followed": _("the employment plan not followed"),
    "service_started": _("a service started"),
    "service_ended": _("a service ended"),
    "studies_started": _("studies started"),
    "studies_ended": _("studies ended"),
    "other": _("another event bearing on benefit conditions"),
}
SUBJECTS = {
    "service_participation": _(
        "participation in an employment-promoting service and its inclusion in the plan (L1269 s. 12 mom 1 "
        "p. 1)"
    ),
    "self_motivated_study": _("self-motivated study and its interruption (L1269 s. 12 mom 1 p. 2)"),
    "immigrant_study": _("an immigrant's studies under the integration plan (L1269 s. 12 mom 1 p. 3)"),
    "general_conditions": _(
        "the general labour-policy conditions: unemployed job seeker, availability for full-time work, the "
        "foreigner restriction (L1269 s. 12 a)"
    ),
    "entrepreneurship_or_studies": _("benefit despite entrepreneurship or studies (TTL 2:5 a, 2:10 a–b)"),
    "restoration": _("the restoration of benefit rights (TTL 2:16 §1, 2 a:10 §2–3)"),
    "short_studies": _("certain short studies (L1269 s. 12 a)"),
    "sanction": _("a failure under TTL chapter 2 a (the sanction is the TE office's)"),
}
GIVERS = {
    "te_service_centre": _("the TE office's customer service centre (non-discretionary statements)"),
    "te_office": _("the TE office (any statement on benefit conditions)"),
}
CONSEQUENCES = {
    "reminder": _("a written reminder"),
    "days_7": _("7 days without benefit"),
    "days_14": _("14 days without benefit"),
    "work_requirement": _("benefit until a 12-week work or service requirement is met"),
}

# --- labour-policy-statement (competence) ---
SUBJECT_OF_KIND = _("The event (%(kind)s) bears on %(subject)s.")
SUBJECT_INFERRED = _(
    "The event (%(kind)s) bears on %(subject)s. This mapping from the event to the statement's subject is "
    "inferred from the statement subjects of the law, not read in it: verify it."
)
SUBJECT_GIVEN = _("The statement asked for is on %(subject)s.")
NO_SUBJECT = _(
    "The event (%(kind)s) is not among the municipality's statement subjects: the TE office gives any "
    "statement on it."
)
MUNICIPALITY_COMPETENT = _(
    "On %(on)s the trial municipality gives its own labour-policy statement on %(subject)s to Kela or the "
    "unemployment fund, at the latest %(days)s after the complete information."
)
TE_OFFICE_COMPETENT = _(
    "On %(on)s the statement on %(subject)s is the TE office's: the municipality notifies the TE office "
    "without delay of the facts it needs."
)
NOT_YET_COMPETENT = _(
    "On %(on)s the statement on %(subject)s is the TE office's: the municipality gives it only from "
    "%(from)s. The municipality notifies the TE office without delay of the facts it needs."
)
OTHER_GIVERS = _(
    "Also %(givers)s may give statements on the pilot's customers on this date; this does not remove the "
    "municipality's own duty."
)
NO_OTHER_GIVERS = _("No other authority gives statements on the pilot's customers on this date.")

# --- sanction-ladder ---
LADDER_BEFORE_NORDIC = _(
    "On %(on)s the sanctions of TTL chapter 2 a as in force before %(from)s apply: no written reminder and "
    "no graded steps."
)
OLD_DAYS = _("For %(kind)s the law sets %(days)s without benefit; the TE office decides.")
OLD_NO_DAYS = _(
    "For %(kind)s the law notes give no fixed period; the TE office decides under TTL chapter 2 a."
)
LADDER_NORDIC = _(
    "On %(on)s the graded sanctions apply: first failure a written reminder, then 7 days, 14 days and a "
    "work requirement, counted within %(months)s."
)
NOT_A_FAILURE = _("%(kind)s is not a failure in the job-search process: no step of the ladder.")
JOB_OFFER_COUNTS = _(
    "The job offer was refused on %(on)s, %(months)s or more after the initial interview of %(interview)s: "
    "it counts as a failure."
)
JOB_OFFER_TOO_EARLY = _(
    "The job offer was refused on %(on)s, less than %(months)s after the initial interview of "
    "%(interview)s: it does not count as a failure."
)
JOB_OFFER_NO_INTERVIEW = _(
    "The date of the initial interview is not known: whether refusing the job offer counts cannot be told; "
    "it is not counted."
)
JOB_OFFER_GIVEN = _("The job-offer rule answered that the refusal %(answer)s.")
COUNTS_YES = _("counts as a failure")
COUNTS_NO = _("does not count as a failure")
STEP = _(
    "Failure number %(step)s within %(months)s (earlier failures: %(earlier)s): %(consequence)s. This is "
    "information only: the TE office decides the sanction."
)
NO_EARLIER = _("none recorded")

NO_PARAMETER = _("The parameter %(name)s has no value on %(on)s.")

# counts in the singular or plural (ngettext)
MONTHS = _("%(n)s month")
MONTHS_PLURAL = _("%(n)s months")
DAYS = _("%(n)s day")
DAYS_PLURAL = _("%(n)s days")

# the console's text of a result
RESULT_STATEMENT = _("the municipality's own statement to Kela or the unemployment fund")
RESULT_NOTICE = _("a notice to the TE office without delay")
RESULT_NO_STEP = _("no step of the ladder")
