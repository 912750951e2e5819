"""The exchange app's words: import errors as message ids (rendered in the reader's language when shown),
step codes of the jobs, and the labels of its actions."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop as N_

# --- the manifest and the files ---
NO_MANIFEST = N_("The manifest (manifest.json) is missing.")
BAD_MANIFEST = N_("The manifest is not valid JSON or lacks its fields.")
UNKNOWN_FORMAT = N_("This is not an exchange export of this system (format %(value)s).")
UNKNOWN_TYPE = N_("Unknown record type: %(value)s.")
UNKNOWN_VERSION = N_(
    "Version %(version)s of the format %(type)s is not supported; this system reads version(s) %(supported)s."
)
NO_FILE = N_("The file named in the manifest is missing.")
BAD_CHECKSUM = N_("The file's SHA-256 does not match the manifest: the file has changed.")
BAD_COUNT = N_("The file has %(found)s records; the manifest says %(count)s.")
# --- a record against its schema ---
BAD_JSON = N_("The line is not a valid JSON object.")
MISSING = N_("This field is missing.")
UNKNOWN_FIELD = N_("Unknown field.")
WRONG_TYPE = N_("Wrong type: %(expected)s expected.")
NOT_ALLOWED = N_("Not one of the allowed values: %(allowed)s.")
BAD_FORM = N_("Not in the expected form.")
TOO_LONG = N_("Too long: at most %(limit)s characters.")
TOO_SHORT = N_("This field cannot be empty.")
TOO_SMALL = N_("Must be at least %(limit)s.")
BAD_DATE = N_("Not a valid date.")
# --- a record against the domain's rules ---
BAD_HENKILOTUNNUS = N_("Invalid personal identity code.")
BIRTH_DATE_MISMATCH = N_("The date of birth does not match the personal identity code.")
DUPLICATE = N_("The same value is also on line %(line)s.")
IN_DATABASE = N_("Already in the database.")
UNKNOWN_MUNICIPALITY = N_("Unknown municipality code: %(value)s.")
UNKNOWN_TE_OFFICE = N_("Unknown TE office code: %(value)s.")
UNKNOWN_AREA = N_("Unknown employment area code: %(value)s.")
UNKNOWN_USER = N_("Unknown user: %(value)s.")
UNKNOWN_PERSON = N_("No such job seeker in the import or in the database.")
UNKNOWN_CUSTOMERSHIP = N_("No such customership in the import or in the database.")
UNKNOWN_FACT = N_("No such fact in the import or in the database.")
NEEDS_MUNICIPALITY = N_("This kind of fact needs a municipality.")
NO_MUNICIPALITY = N_("This kind of fact has no municipality.")
NEEDS_FLAG = N_("This kind of fact needs a yes/no value.")
UNKNOWN_STATUS = N_("Unknown labour-market status: %(value)s.")
NEEDS_CODE = N_("This kind of fact needs a code.")
END_BEFORE_START = N_("The end is before the start.")
NAMES_MUNICIPALITY = N_("A trial municipality's customership or a request to move to one names the municipality.")
NAMES_AREA = N_("An employment area's customership names the area.")
OVERLAP = N_("Overlaps the customership on line %(line)s.")
OPEN_TWICE = N_("The job seeker has another open one on line %(line)s.")
REFUSED_BY_DATABASE = N_("The database refused the import: %(reason)s")

# --- steps of the jobs, for the admins' lists ---
STEP_EXPORT = "exchange:export"
STEP_READ = "exchange:read"
STEP_CHECK = "exchange:check"
STEP_WRITE = "exchange:write"

ACTION_LABELS = {
    "exchange.view_jobs": _("See export and import jobs"),
    "exchange.run": _("Export and import job seeker data"),
}
