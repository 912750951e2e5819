"""The labels of the customers app's transfer actions (R-TG-7) in the catalogue (access/actions.py),
kept here so that the app's own catalogue (customers/locale) translates them."""

from django.utils.translation import gettext_lazy as _

TRANSFER_ACTION_LABELS = {
    "customers.view_notice": _("See and print a job seeker's transfer notice"),
    # --- due transfers (worklist, R-TG-4) ---
    "customers.view_due_transfers": _("See the transfers due to be made"),
    "customers.complete_transfer": _("Make a transfer that is due"),
    # issue 14: the TE office keeps a person (L1269 s. 5 mom 3/5)
    "customers.keep_with_te_office": _("Keep a job seeker with the TE office instead of transferring"),
}

# --- due transfers (worklist, R-TG-4): the shell's link (web/navigation.py) ---
NAV_DUE_TRANSFERS = _("Transfers due")
NAV_DUE_TRANSFERS_HELP = _(
    "Job seekers to be transferred within 7 days of a registration or a change, overdue ones first."
)

# --- customer counts and notice PDFs (issue 6, R-TG-7): catalogue label and the shell's link ---
COUNTS_ACTION_LABELS = {
    "customers.view_customer_counts": _("See a trial area's customer counts over time"),
}
NAV_CUSTOMER_COUNTS = _("Customer counts")
NAV_CUSTOMER_COUNTS_HELP = _("How many customers each trial municipality has had at each month's end.")

# --- transfer requests (R-TG-5): the catalogue's labels and the shell's link ---
REQUEST_ACTION_LABELS = {
    "customers.record_request": _("Record a job seeker's transfer request"),
    "customers.view_requests": _("See the open transfer requests"),
    "customers.answer_request": _("Accept or decline a transfer to one's own municipality"),
    "customers.decide_request": _("Decide a transfer request"),
}
NAV_REQUESTS = _("Transfer requests")
NAV_REQUESTS_HELP = _(
    "Job seekers' requests to move back to the TE office or to another trial municipality, to accept or "
    "decide."
)

# --- the initial transfer's summary (`transfer initial`): why the TE office kept persons, in words ---
KEPT_REASONS = {
    "earnings_related": _("not entitled to earnings-related allowance"),
    "under_age_limit": _("under the age limit"),
    "immigrant": _("immigrant"),
    "foreign_language": _("foreign-language speaker"),
    "status": _("status not included"),
    "job_search": _("no valid job search"),
    "kotikunta": _("kotikunta not in a trial area"),
    "residence": _("residence not in a trial area (or no route by residence)"),
    "group_criterion": _("no group criterion met"),
    "change_security": _("excluded by change security"),
    "no_group_criterion": _("the pilot not in force"),
    "no_facts": _("no status or place on the date"),
}

# --- the CSV import's format page (`customers:import-format`): column, required, what it holds -----------
IMPORT_COLUMNS = (
    ("henkilotunnus", True, _("Personal identity code (11 characters, the check character is validated).")),
    ("last_name", True, _("Last name, the same on every row of the person.")),
    ("first_name", True, _("All first names, the same on every row of the person.")),
    ("service_language", True, _("Service language: fi or sv, the same on every row.")),
    ("valid_from", True, _("The day the row's facts hold from, written YYYY-MM-DD.")),
    ("kotikunta", False, _("Kotikunta: Statistics Finland's three-digit municipality code, e.g. 091.")),
    ("residence", False, _("Residence: a municipality code as for the kotikunta.")),
    ("mother_tongue", False, _("Mother tongue: the population register's language code; xx is unknown.")),
    ("immigrant", False, _("Immigrant: true or false.")),
    ("status", False, _("Labour-market status: one of the codes listed below.")),
    ("earnings_related_entitlement", False, _("Entitled to earnings-related allowance: true or false.")),
    ("temporary_protection", False, _("Temporary protection: true or false.")),
    ("change_security_55", False, _("Change security of a person aged 55 or over: true or false.")),
    ("change_security_notice_date", False, _("The day notice was given (only with change security).")),
    ("job_search_start", False, _("The first day of a job search.")),
    ("job_search_end", False, _("The last day of the job search; not before its start.")),
)
