"""Which persons are due for anonymisation on a date (R-X-4; issue 20 item 3). Pure: no database, no clock.

A person is due on `on` when every customership with a responsible organisation has ended (a job search's end
leaves an open row of "no one", which is no customership), the last one ended MORE than the retention period
(`retention.period_months`, the controller's choice, `parameters/retention.yaml`) before `on`, and nothing
keeps the data: no open customership anywhere, no open due transfer or transfer request, no valid job search
(registered again), no draft benefit decision, no draft statement or notice to the TE office, no service
referred or under way. A person who never had a customership is out of the rule's scope (kept).
The explanation is message ids with arguments (`rules.messages`), rendered in fi/sv/en.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext_noop

from kuntakokeilu.rules.calendar import add_months
from kuntakokeilu.rules.messages import Message
from kuntakokeilu.rules.parameters import ParameterStore

PERIOD = "retention.period_months"

DUE = gettext_noop(
    "The last customership ended on %(ended)s, more than %(months)s months before %(on)s, and nothing keeps "
    "the data: the person is anonymised."
)
OPEN = gettext_noop("A customership is open: the data are kept.")
NEVER = gettext_noop("The person has had no customership: the retention period does not apply.")
TOO_RECENT = gettext_noop(
    "The last customership ended on %(ended)s, not more than %(months)s months before %(on)s: the data are "
    "kept until %(until)s."
)
# what keeps the data of an ended customership (codes of `Record.keeps`)
KEEPS = {
    "due_transfer": gettext_noop("An open due transfer keeps the data."),
    "transfer_request": gettext_noop("An open transfer request keeps the data."),
    "job_search": gettext_noop("A valid job search keeps the data."),
    "decision": gettext_noop("A draft benefit decision keeps the data."),
    "statement": gettext_noop("A draft labour-policy statement keeps the data."),
    "te_office_notice": gettext_noop("A draft notice to the TE office keeps the data."),
    "referral": gettext_noop("A service referred or under way keeps the data."),
}


@dataclass(frozen=True)
class Record:
    """What the rule reads of one person: whether they ever had a customership with a responsible
    organisation, whether one is open, the last day of the last one, and the codes of what else keeps them."""

    had_customership: bool
    open_customership: bool
    ended_on: dt.date | None
    keeps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Verdict:
    due: bool
    reasons: tuple[Message, ...]

    def explain(self, lang: str) -> str:
        return " ".join(reason.render(lang) for reason in self.reasons)


def period_months(on: dt.date, params: ParameterStore) -> int:
    return int(params.value(PERIOD, on))


def last_day_kept(ended_on: dt.date, months: int) -> dt.date:
    """The last day the data of a customership that ended on `ended_on` are kept: `months` months later."""
    return add_months(ended_on, months)


def decide(record: Record, on: dt.date, months: int) -> Verdict:
    """Whether the person of `record` is due for anonymisation on `on` under a period of `months` months."""
    if not record.had_customership:
        return Verdict(False, (Message(NEVER),))
    if record.open_customership or record.ended_on is None:
        return Verdict(False, (Message(OPEN),))
    until = last_day_kept(record.ended_on, months)
    args = {"ended": record.ended_on, "months": months, "on": on, "until": until}
    if on <= until:
        return Verdict(False, (Message(TOO_RECENT, args),))
    unknown = [code for code in record.keeps if code not in KEEPS]
    if unknown:
        raise ValueError(f"unknown codes of what keeps the data: {unknown}")
    if record.keeps:
        return Verdict(False, tuple(Message(KEEPS[code]) for code in sorted(set(record.keeps))))
    return Verdict(True, (Message(DUE, args),))
