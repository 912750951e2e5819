"""The message ids of the benefit decision rules (English source; fi/sv in this app's locale/).

Each rule's checks say who decides, which version of the law applies on the decision date, which routes
(percentages and periods) the facts admit and why the others are not available.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop as _

# --- who decides ---
DECIDER_MUNICIPALITY = _(
    "On %(on)s the trial municipality decides on behalf of the state; the employer is %(employer)s."
)
DECIDER_TE_EMPLOYER = _(
    "The employer is %(employer)s: on %(on)s the TE office decides, not the trial municipality. The "
    "checks below say whether the law allows the subsidy at all."
)
DECIDER_TE_ESF = _(
    "The subsidy is funded by the European Social Fund: on %(on)s the TE office decides on it, not the "
    "trial municipality (until %(until)s)."
)
DECIDER_PILOT = _(
    "On %(on)s the trial municipality decides on behalf of the state (within the pilot period)."
)
DECIDER_OUTSIDE_PILOT = _(
    "%(on)s is outside the pilot period (%(start)s–%(end)s): the TE office decides, not the trial "
    "municipality."
)
EMPLOYERS = {
    "this_pilot_municipality": _("the trial municipality itself"),
    "other_pilot_municipality": _("another trial municipality"),
    "pilot_controlled_entity": _(
        "a joint municipal authority or another body controlled by trial municipalities"
    ),
    "company": _("a company"),
    "association": _("an association, foundation or religious community"),
    "other_public": _("another public body"),
}

# --- which law ---
LAW_VERSION = _("On %(on)s the rules of the wage subsidy in force from %(since)s apply.")
NO_LAW = _("The system holds no rules of this benefit for %(on)s: it cannot be granted by them.")

# --- wage subsidy routes ---
ROUTES = {
    "basic": _("Wage subsidy, basic rule"),
    "unemployed_12_of_14": _("Wage subsidy after 12 months of unemployment in the last 14 months"),
    "unemployed_24_of_28": _("Wage subsidy after 24 months of unemployment in the last 28 months"),
    "reduced_work_ability": _("Wage subsidy for reduced work ability"),
    "age_12_of_14": _("Wage subsidy for a person aged 60 or over, unemployed 12 of the last 14 months"),
    "age_24_of_28": _("Wage subsidy for a person aged 60 or over, unemployed 24 of the last 28 months"),
    "association": _("Wage subsidy to an association, foundation or religious community"),
}
ROUTE_OPEN = _("%(route)s: up to %(percent)s per cent of the pay costs for up to %(months)s months.%(extra)s")
ROUTE_CLOSED = _("%(route)s: not available, %(why)s.")
EXTRA_WORKING_TIME = _(
    " Only for work outside business activity, and only the pay costs of working time of at most "
    "%(percent)s per cent of full time."
)
EXTRA_WORKING_TIME_FACTOR = _(
    " Only for work outside business activity, and only the pay costs of working time of at most "
    "%(percent)s per cent of full time, multiplied by %(factor)s."
)
EXTRA_EXTENSION = _(" The period may be extended to %(months)s months at a time.")
WHY_UNEMPLOYED_14 = _("unemployed %(found)s of the last 14 months, at least %(needed)s needed")
WHY_UNEMPLOYED_28 = _("unemployed %(found)s of the last 28 months, at least %(needed)s needed")
WHY_LONGER_ROUTE = _(
    "unemployed %(found14)s of the last 14 and %(found28)s of the last 28 months: the routes for longer "
    "unemployment apply instead"
)
WHY_AGE = _("aged %(age)s, at least %(needed)s needed")
WHY_WORK_ABILITY = _("no reduced work ability")
WHY_EMPLOYER = _("the employer is not an association, foundation or religious community")

# --- the employment's start ---
START_AFTER_DECISION = _("The employment does not start before the decision.")
START_BEFORE_CONTINUED = _(
    "The employment started before the decision, but it continues a subsidised period applied for before "
    "that period ended: it may be subsidised."
)
START_BEFORE_REFUSED = _(
    "The employment started before the decision and does not continue a subsidised period applied for in "
    "time: no subsidy is granted for it."
)

# --- 55+ employment support ---
SUPPORT_AGE_OK = _("Aged %(age)s: at least %(needed)s, as the 55+ employment support requires.")
SUPPORT_AGE_LOW = _("Aged %(age)s: the 55+ employment support requires at least %(needed)s.")
SUPPORT_UNEMPLOYED_OK = _("Unemployed %(found)s of the last 28 months: at least %(needed)s, as required.")
SUPPORT_UNEMPLOYED_SHORT = _("Unemployed %(found)s of the last 28 months: at least %(needed)s are required.")
SUPPORT_TIME_OK = _(
    "Working time %(hours)s hours a week (%(share)s per cent of full time): at least %(min_hours)s hours or "
    "%(min_share)s per cent, as required."
)
SUPPORT_TIME_SHORT = _(
    "Working time %(hours)s hours a week (%(share)s per cent of full time): at least %(min_hours)s hours or "
    "%(min_share)s per cent are required."
)
SUPPORT_TERMS = _(
    "The 55+ employment support is %(percent)s per cent of the pay costs for up to %(months)s months, at "
    "most %(euros)s euros a month."
)

# --- start-up grant ---
GRANT_LIMIT = _("The start-up grant is granted for up to %(months)s months for the same business.")
GRANT_EXTENDED = _(
    "The business was started with the start-up grant on %(started)s, by %(by)s: the grant may be paid for "
    "up to %(months)s months."
)
GRANT_LEFT = _("%(before)s months granted before: %(left)s months may still be granted.")
GRANT_USED = _("%(before)s months granted before: the longest period has been used.")
GRANT_AMOUNT = _(
    "The start-up grant is the basic allowance without increases, for at most %(days)s days a week, as "
    "de minimis aid."
)

# --- work trial ---
TRIAL_RESTART = _(
    "Continuous unemployment of %(gap)s months since the last work trial (at least %(needed)s): the "
    "longest periods start over."
)
TRIAL_TOTAL = _("%(used)s months in work trials of at most %(most)s: %(left)s months left.")
TRIAL_ORGANISER = _("%(used)s months with this organiser of at most %(most)s: %(left)s months left.")
TRIAL_ORGANISER_TASKS = _(
    "%(used)s months with this municipal organiser in the same tasks of at most %(most)s: %(left)s months "
    "left."
)
TRIAL_AGREEMENT_OWN = _(
    "The trial municipality organises the work trial itself: the agreement is made directly between the "
    "municipality and the customer (L1269 11 § 1 mom.)."
)
TRIAL_AGREEMENT_ORGANISER = _("The work trial agreement is made with the organiser.")

# --- expense compensation ---
EXPENSE_BY_KELA = _(
    "The person is entitled to an unemployment benefit: Kela or the unemployment fund pays the expense "
    "compensation; the trial municipality applies the rules on its amount and informs them."
)
EXPENSE_STATUTORY = _("The expense compensation of a person entitled to an unemployment benefit applies.")
EXPENSE_DISCRETIONARY = _(
    "The person has no unemployment benefit: the discretionary expense compensation in force on the day "
    "may be granted."
)
EXPENSE_NO_DISCRETIONARY = _(
    "The person has no unemployment benefit, and on %(on)s no discretionary expense compensation is in force."
)
EXPENSE_SERVICE_OK = _("The service is an employment-promoting service.")
EXPENSE_OFFICE_VISIT = _("A visit to the office is not an employment-promoting service.")
EXPENSE_SELF_STUDY = _("Supported self-motivated study gives no discretionary expense compensation.")
EXPENSE_IN_PLAN = _("The service is agreed in the plan.")
EXPENSE_NOT_IN_PLAN = _("The service is not agreed in the plan.")
EXPENSE_COSTS = _("Taking part causes necessary costs.")
EXPENSE_NO_COSTS = _("Taking part causes no necessary costs.")
EXPENSE_NO_OTHER = _("The person has no other right to compensation of the costs.")
EXPENSE_OTHER = _("The person has another right to compensation of the costs.")
EXPENSE_BASIC = _("%(euros)s euros a day, for at most %(days)s days a week.")
EXPENSE_RAISED = _(
    "%(euros)s euros a day, for at most %(days)s days a week: the service is outside the commuting area, "
    "or outside the home municipality with accommodation costs shown."
)
EXPENSE_APPEAL = _(
    "A refusal based on the authority's discretion cannot be appealed; other decisions may be appealed to "
    "the Social Security Appeal Board within %(days)s days, first handled as a request for rectification."
)

# --- travel and accommodation ---
TRAVEL = _(
    "Travel: %(journeys)s journeys of %(km)s km at %(rate)s euros a kilometre less %(deductible)s euros "
    "each: %(euros)s euros."
)
ACCOMMODATION = _(
    "Accommodation: %(nights)s nights, costs %(costs)s euros, at most %(most)s euros a night: "
    "%(euros)s euros."
)
MOVING = _("Moving: costs %(costs)s euros, at most %(most)s euros: %(euros)s euros.")

# --- the results in words (the console's text, R-X-8) ---
RESULT_GRANTABLE_MUNICIPALITY = _("may be granted; the trial municipality decides")
RESULT_GRANTABLE_TE_OFFICE = _("may be granted; the TE office decides")
RESULT_REFUSED_MUNICIPALITY = _("cannot be granted; the trial municipality decides")
RESULT_REFUSED_TE_OFFICE = _("cannot be granted; the TE office decides")
RESULT_GRANTABLE_KELA = _("may be granted; Kela or the unemployment fund decides")
RESULT_REFUSED_KELA = _("cannot be granted; Kela or the unemployment fund decides")
RESULTS_GRANTABLE = {
    "municipality": RESULT_GRANTABLE_MUNICIPALITY,
    "te_office": RESULT_GRANTABLE_TE_OFFICE,
    "kela_or_fund": RESULT_GRANTABLE_KELA,
}
RESULTS_REFUSED = {
    "municipality": RESULT_REFUSED_MUNICIPALITY,
    "te_office": RESULT_REFUSED_TE_OFFICE,
    "kela_or_fund": RESULT_REFUSED_KELA,
}
