"""Recording why a job search ended (issue 17 item 6): `record_end_reason` writes one reason in one
transaction after the catalogue's answer for the person; bad input is `services.Refused` with a localised
message and nothing is written. The page's form and the API both call it."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import can
from kuntakokeilu.customers.models import Customership, Person, Responsible
from kuntakokeilu.customers.queries import current_facts

from .models import EndReason, JobSearchEndReason
from .queries import job_search_on
from .services import NOT_YOURS, Formatted, Refused, _date

NO_JOB_SEARCH = _("The job seeker had no job search that could have ended on this date.")
ENDED_IN_THE_FUTURE = _("The end of the job search cannot be after today (%(today)s).")
OTHER_END_IN_REGISTER = _("The register says this job search ended on %(end)s.")
ALREADY_RECORDED = _("A reason is already recorded for the job search that ended on %(end)s.")
UNKNOWN_REASON = _("Choose why the job search ended.")
NOT_A_CUSTOMER = _("The job seeker was not a customer of a trial municipality when the job search ended.")


@transaction.atomic
def record_end_reason(
    user, person: Person, *, ended_on: dt.date, reason: str, text: str = "", today: dt.date
) -> JobSearchEndReason:
    """Record why the person's job search ended on `ended_on` (the last day of the job search)."""
    if not can(user, "service_process.record_end_reason", person, today):
        raise Refused(None, NOT_YOURS)
    if reason not in EndReason.values:
        raise Refused("reason", UNKNOWN_REASON)
    if ended_on > today:
        raise Refused("ended_on", Formatted(ENDED_IN_THE_FUTURE, today=_date(today)))
    search, _previous = job_search_on(current_facts(person), ended_on)
    if search is None:
        raise Refused("ended_on", NO_JOB_SEARCH)
    if search.end_date is not None and search.end_date != ended_on:
        raise Refused("ended_on", Formatted(OTHER_END_IN_REGISTER, end=_date(search.end_date)))
    customer = (
        Customership.objects.select_for_update()
        .filter(person=person, responsible=Responsible.MUNICIPALITY, valid_from__lte=ended_on)
        .exclude(municipality=None)
        .order_by("-valid_from")
        .first()
    )
    if customer is None or (customer.valid_to is not None and customer.valid_to < ended_on - dt.timedelta(1)):
        raise Refused("ended_on", NOT_A_CUSTOMER)
    if JobSearchEndReason.objects.filter(person=person, ended_on=ended_on).exists():
        raise Refused("ended_on", Formatted(ALREADY_RECORDED, end=_date(ended_on)))
    return JobSearchEndReason.objects.create(
        person=person,
        ended_on=ended_on,
        reason=reason,
        text=(text or "").strip(),
        municipality=customer.municipality,
        recorded_by=user if getattr(user, "is_authenticated", False) else None,
    )
