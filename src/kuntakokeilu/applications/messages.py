"""The screening's explanations (R-APP-3): message ids (English source, gettext_noop) and form item labels.

Translators own the fi/sv wording in locale/. Arguments are codes, figures, dates, names in several
languages and nested messages (see kuntakokeilu.rules.messages).
"""

from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_noop as _

# --- the judged area -------------------------------------------------------------------------------------
WHOSE_APPLICANTS = _("the applying municipalities")
WHOSE_APPLICANT = _("the applying municipality")
WHOSE_ENLARGED = _(
    "the enlarged trial area %(area_no)s (its %(existing)s earlier members and %(new)s new municipalities)"
)
# The enlarged area with its counts in the singular or plural (ngettext, R-X-8): %(existing)s and %(new)s
# are the nested EARLIER_MEMBERS / NEW_MUNICIPALITIES messages.
WHOSE_ENLARGED_COUNTED = _("the enlarged trial area %(area_no)s (%(existing)s and %(new)s)")
EARLIER_MEMBERS = _("its %(n)s earlier member")
EARLIER_MEMBERS_PLURAL = _("its %(n)s earlier members")
NEW_MUNICIPALITIES = _("%(n)s new municipality")
NEW_MUNICIPALITIES_PLURAL = _("%(n)s new municipalities")

# --- min_population --------------------------------------------------------------------------------------
POPULATION_PASS = _(
    "The combined population of %(whose)s on %(date)s is %(population)s; at least %(minimum)s is required. "
    "Source: %(source)s."
)
POPULATION_FAIL = _(
    "The combined population of %(whose)s on %(date)s is %(population)s, below the %(minimum)s required, "
    "and no justification for departing from the condition is recorded. Source: %(source)s."
)
POPULATION_WARN = _(
    "The combined population of %(whose)s on %(date)s is %(population)s, below the %(minimum)s required; "
    "the applicants justify the departure: “%(justification)s”. Source: %(source)s."
)

POPULATION_SOURCE = _("Statistics Finland (population on 31 December)")
STATISTICS_SOURCE = _("TEM / Statistics Finland, employment service statistics, table 1001 (2020 division)")
POPULATION_SOURCES = {
    "municipalities_2020": _("Statistics Finland, municipalities of 1.1.2020 (population 31.12.2019)"),
    "sotkanet_127": _("THL Sotkanet indicator 127 (Statistics Finland), 2021 division"),
}

# --- single_ely_area -------------------------------------------------------------------------------------
ELY_PASS = _(
    "All %(count)s municipalities are in the area of %(ely)s (%(ely_code)s) at the planned pilot start "
    "%(start)s."
)
ELY_PASS_ONE = _(
    "The municipality is in the area of %(ely)s (%(ely_code)s) at the planned pilot start %(start)s."
)
ELY_FAIL = _(
    "The municipalities are not in one ELY centre's area at the planned pilot start %(start)s: %(areas)s."
)
ELY_MEMBER = _("%(name)s (%(code)s) in the area of %(ely)s (%(ely_code)s)")
ELY_MOVES = _(
    "All %(count)s municipalities are in the area of %(ely)s (%(ely_code)s) at the planned pilot start "
    "%(start)s, but the regional division changes after the reference date %(date)s: %(moves)s."
)
ELY_MOVES_ONE = _(
    "The municipality is in the area of %(ely)s (%(ely_code)s) at the planned pilot start %(start)s, but the "
    "regional division changes after the reference date %(date)s: %(moves)s."
)
ELY_MOVE = _(
    "%(name)s (%(code)s) moves from the area of %(ely_before)s to that of %(ely_after)s on %(moved_on)s"
)

# --- ely_customer_share ----------------------------------------------------------------------------------
SHARE_PASS = _(
    "Pilot customers in the area of %(ely)s: %(total)s = %(share)s of the TE office's job-seeker customers; "
    "the indicative maximum is %(maximum)s. %(breakdown)s"
)
SHARE_WARN = _(
    "Pilot customers in the area of %(ely)s: %(total)s = %(share)s of the TE office's job-seeker customers, "
    "above the indicative maximum of %(maximum)s. %(breakdown)s"
)
SHARE_WARN_JUSTIFIED = _(
    "Pilot customers in the area of %(ely)s: %(total)s = %(share)s of the TE office's job-seeker customers, "
    "above the indicative maximum of %(maximum)s; the applicants' justification: “%(justification)s”. "
    "%(breakdown)s"
)
SHARE_BREAKDOWN = _(
    "This application %(own)s (%(own_source)s), areas selected in earlier rounds %(earlier)s, other "
    "applications of the round %(others)s. The TE office's job-seeker customers are estimated from the "
    "%(ely_unemployed)s unemployed job seekers of the whole ELY area in %(month)s, and pilot customers as "
    "%(target_share)s of the unemployed job seekers where no estimate is given; the ratio of job seekers to "
    "unemployed job seekers is the same on both sides and cancels. Source: %(source)s; TEM's figures of 2022 "
    "for the target share."
)
OWN_BY_APPLICANT = _("the applicants' estimate")
OWN_BY_SYSTEM = _("estimated by the system from %(unemployed)s unemployed job seekers in %(month)s")
OWN_ENLARGED = _(
    "the new municipalities: %(new)s, %(new_source)s; the earlier members: %(existing)s, estimated by the "
    "system"
)

# --- own_resourcing --------------------------------------------------------------------------------------
RESOURCING_PASS = _(
    "Declared own resourcing %(eur)s € and %(person_years)s person-years a year; the reference is %(share)s "
    "of the members' 2018 labour-market-subsidy expenditure of %(expenditure)s €, i.e. %(reference)s €."
)
RESOURCING_WARN = _(
    "Declared own resourcing %(eur)s € and %(person_years)s person-years a year is below the reference of "
    "%(share)s of the members' 2018 labour-market-subsidy expenditure of %(expenditure)s €, i.e. "
    "%(reference)s €."
)
RESOURCING_NONE = _(
    "No own resourcing is declared; the reference is %(share)s of the members' 2018 labour-market-subsidy "
    "expenditure of %(expenditure)s €, i.e. %(reference)s €."
)
RESOURCING_INFO = _(
    "The members' 2018 labour-market-subsidy expenditure is not given, so the own resourcing cannot be "
    "compared with the reference of %(share)s of it."
)

# --- form_complete ---------------------------------------------------------------------------------------
FORM_PASS = _("Every required item of the application form is filled in.")
FORM_FAIL = _("Missing from the application form: %(items)s.")

# --- no_overlap ------------------------------------------------------------------------------------------
OVERLAP_PASS = _(
    "None of the municipalities is in an area selected in an earlier round or in another application of the "
    "round."
)
OVERLAP_PASS_ENLARGEMENT = _(
    "The application enlarges trial area %(area_no)s, which consents; none of its new municipalities is in "
    "an area selected in an earlier round or in another application of the round."
)
OVERLAP_FAIL = _("The application overlaps: %(problems)s.")
OVERLAP_IN_AREA = _("%(name)s (%(code)s) is already in trial area %(area_no)s, selected in an earlier round")
OVERLAP_IN_OTHER = _("%(name)s (%(code)s) is also in the application “%(other)s”")
OVERLAP_NO_CONSENT = _("the consent of trial area %(area_no)s to its enlargement is not recorded")

# --- form items (R-APP-2): the names the form and the screening give them ----------------------------------
ITEMS = {
    "name": _("name of the application"),
    "lead": _("lead municipality (one of the area's municipalities)"),
    "municipalities": _("municipalities"),
    "extension_consent": _("consent of the trial area being enlarged"),
    "estimated_customers": _("estimated customers moving to the pilot"),
    "own_resourcing": _("own resourcing (euros and person-years a year)"),
    "service_model": _("enhanced service model and how it is arranged"),
    "cooperation_structure": _("regional co-operation structure for skills services"),
    "division_of_work": _("division of work and customer responsibilities"),
    "negotiations_ely": _("date of negotiations with the ELY centre"),
    "negotiations_te": _("date of negotiations with the TE office"),
    "premises": _("premises"),
    "justification": _("justification for departing from a boundary condition"),
}

# --- the shell's link (web/navigation.py) ---------------------------------------------------------------
NAV_APPLICATIONS = gettext_lazy("Applications")
NAV_APPLICATIONS_HELP = gettext_lazy(
    "Application rounds, the applications, their screening and the selection."
)

# --- the checks' names on the pages ---------------------------------------------------------------------
CHECK_NAMES = {
    "min_population": _("Population"),
    "single_ely_area": _("One ELY centre's area"),
    "ely_customer_share": _("Customer share in the ELY area"),
    "own_resourcing": _("Own resourcing"),
    "form_complete": _("Application form complete"),
    "no_overlap": _("No overlap"),
}

# --- the API (api/applications.py; translated here) --------------------------------------------------------
API_NOT_FOUND = gettext_lazy("No such application.")
API_SEND_ARRAY = gettext_lazy("Send a JSON array of applications.")

# --- the catalogue's labels of the app's actions (access/actions.py; translated here) ----------------------
ACTION_LABELS = {
    "applications.view": gettext_lazy("See applications for the pilot"),
    "applications.apply": gettext_lazy("Fill in and submit an application for the pilot"),
    "applications.request_supplement": gettext_lazy("Ask an applicant for a supplement"),
    "applications.select": gettext_lazy("Compare a round's applications in the selection view"),
    "applications.decide": gettext_lazy("Record the selection decision of a round"),
}
