"""The exchange app's words: import errors as message ids (rendered in the reader's language when shown),
step codes of the jobs, and the labels of its actions."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

# --- the manifest and the files ---
NO_MANIFEST = gettext_noop("The manifest (manifest.json) is missing.")
BAD_MANIFEST = gettext_noop("The manifest is not valid JSON or lacks its fields.")
UNKNOWN_FORMAT = gettext_noop("This is not an exchange export of this system (format %(value)s).")
UNKNOWN_TYPE = gettext_noop("Unknown record type: %(value)s.")
UNKNOWN_VERSION = gettext_noop(
    "Version %(version)s of the format %(type)s is not supported; this system reads version(s) %(supported)s."
)
NO_FILE = gettext_noop("The file named in the manifest is missing.")
BAD_CHECKSUM = gettext_noop("The file's SHA-256 does not match the manifest: the file has changed.")
BAD_COUNT = gettext_noop("The file has %(found)s records; the manifest says %(count)s.")
# --- a record against its schema ---
BAD_JSON = gettext_noop("The line is not a valid JSON object.")
MISSING = gettext_noop("This field is missing.")
UNKNOWN_FIELD = gettext_noop("Unknown field.")
WRONG_TYPE = gettext_noop("Wrong type: %(expected)s expected.")
NOT_ALLOWED = gettext_noop("Not one of the allowed values: %(allowed)s.")
BAD_FORM = gettext_noop("Not in the expected form.")
TOO_LONG = gettext_noop("Too long: at most %(limit)s characters.")
TOO_SHORT = gettext_noop("This field cannot be empty.")
TOO_SMALL = gettext_noop("Must be at least %(limit)s.")
BAD_DATE = gettext_noop("Not a valid date.")
# --- a record against the domain's rules ---
BAD_HENKILOTUNNUS = gettext_noop("Invalid personal identity code.")
BIRTH_DATE_MISMATCH = gettext_noop("The date of birth does not match the personal identity code.")
DUPLICATE = gettext_noop("The same value is also on line %(line)s.")
IN_DATABASE = gettext_noop("Already in the database.")
UNKNOWN_MUNICIPALITY = gettext_noop("Unknown municipality code: %(value)s.")
UNKNOWN_TE_OFFICE = gettext_noop("Unknown TE office code: %(value)s.")
UNKNOWN_AREA = gettext_noop("Unknown employment area code: %(value)s.")
UNKNOWN_USER = gettext_noop("Unknown user: %(value)s.")
UNKNOWN_PERSON = gettext_noop("No such job seeker in the import or in the database.")
UNKNOWN_CUSTOMERSHIP = gettext_noop("No such customership in the import or in the database.")
UNKNOWN_FACT = gettext_noop("No such fact in the import or in the database.")
NEEDS_MUNICIPALITY = gettext_noop("This kind of fact needs a municipality.")
NO_MUNICIPALITY = gettext_noop("This kind of fact has no municipality.")
NEEDS_FLAG = gettext_noop("This kind of fact needs a yes/no value.")
UNKNOWN_STATUS = gettext_noop("Unknown labour-market status: %(value)s.")
NEEDS_CODE = gettext_noop("This kind of fact needs a code.")
END_BEFORE_START = gettext_noop("The end is before the start.")
NAMES_MUNICIPALITY = gettext_noop(
    "A trial municipality's customership or a request to move to one names the municipality."
)
NAMES_AREA = gettext_noop("An employment area's customership names the area.")
OVERLAP = gettext_noop("Overlaps the customership on line %(line)s.")
OPEN_TWICE = gettext_noop("The job seeker has another open one on line %(line)s.")
REFUSED_BY_DATABASE = gettext_noop("The database refused the import: %(reason)s")

# --- steps of the jobs, for the admins' lists ---
STEP_EXPORT = "exchange:export"
STEP_READ = "exchange:read"
STEP_CHECK = "exchange:check"
STEP_WRITE = "exchange:write"

ACTION_LABELS = {
    "exchange.view_jobs": _("See export and import jobs"),
    "exchange.run": _("Export and import job seeker data"),
}

NAV_EXCHANGE = _("Data exchange")
NAV_EXCHANGE_HELP = _("Export job seekers' records in the exchange formats and import them, all or nothing.")
