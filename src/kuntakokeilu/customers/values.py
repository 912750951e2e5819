"""Reading one fact's value from text, for the import and the correction form alike (R-X-3).

Each parser returns the value or raises `ValueError` whose message is a lazy translation, rendered in
the reader's language where it is shown.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from kuntakokeilu.regions.models import Municipality

from .statuses import STATUS_CODES, is_mother_tongue_code

TRUE = {"true", "1"}
FALSE = {"false", "0"}


class BadValue(ValueError):
    def __init__(self, message):
        self.message = message
        super().__init__(str(message))


# The dates a job seeker's facts can carry: none of the employment services' registers predates 1900, and a
# date after 2099 is a typing error (year 1 or 9999 would also break the date arithmetic of the rules).
EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2099, 12, 31)


def parse_date(raw: str) -> dt.date:
    value = raw.strip()
    try:
        if len(value) != 10:  # Python also reads 20210301; the format is YYYY-MM-DD only
            raise ValueError(value)
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise BadValue(_("Not a date: give YYYY-MM-DD, e.g. 2021-03-01.")) from None
    if not EARLIEST <= day <= LATEST:
        raise BadValue(
            _("The date must be between %(earliest)s and %(latest)s.")
            % {"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat()}
        )
    return day


def parse_bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise BadValue(_("Give true or false."))


def parse_status(raw: str) -> str:
    value = raw.strip()
    if value not in STATUS_CODES:
        codes = ", ".join(STATUS_CODES)
        raise BadValue(_("Unknown labour-market status; the codes are: %(codes)s.") % {"codes": codes})
    return value


def parse_mother_tongue(raw: str) -> str:
    value = raw.strip()
    if not is_mother_tongue_code(value):
        raise BadValue(
            _(
                "Unknown mother tongue: give an ISO 639-1 code in lower case (se, smn, sms for Sámi, "
                "xx unknown)."
            )
        )
    return value


def parse_municipality(raw: str, on: dt.date) -> Municipality:
    code = raw.strip()
    municipality = Municipality.objects.filter(code=code).first()
    if municipality is None:
        raise BadValue(_("No municipality has the code %(code)s.") % {"code": code})
    if not Municipality.objects.valid_on(on).filter(pk=municipality.pk).exists():
        raise BadValue(
            _("Municipality %(code)s did not exist on %(date)s.") % {"code": code, "date": on.isoformat()}
        )
    return municipality
