"""An overlay on the parameter store (R-REF-3; issue 13, the policy what-if): the same store with the values
of some parameters replaced, so that the same rule code runs under an alternative law.

`Edit(name, value, start)` says: from `start` on (None: from the parameter's first day), the parameter holds
`value` instead of the law's values; the law's values before `start` stay (the one in force then ends the day
before). `overlay(store, edits, allowed=…, within=…)` validates every edit and returns a new
`ParameterStore`; the rule's `decide` reads it as it reads the law's store. An edit is refused with an
`OverlayError` that carries a `Message` (gettext id + arguments, worded in fi/sv/en when shown):
- an unknown parameter, or one the rule does not read (`allowed`);
- a value of the wrong type or unit (`parse` reads a value from text by the parameter's unit);
- a start date outside `within` (the pilot period, for a what-if of the pilot's rules).
The replaced values carry the reference `WHAT_IF_REFERENCE`, so an explanation shows that it is not the law.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from django.utils.translation import gettext_noop

from .messages import Message
from .parameters import Parameter, ParameterStore, ParameterValue

WHAT_IF_REFERENCE = "what-if (not the law)"
ONE_DAY = dt.timedelta(days=1)

UNKNOWN_PARAMETER = gettext_noop(
    "Unknown parameter %(name)s. The parameters that can be changed are: %(known)s."
)
WRONG_VALUE = gettext_noop("%(name)s takes %(expected)s; “%(value)s” is not one.")
UNKNOWN_CODE = gettext_noop("%(name)s: “%(value)s” is not a known code; the codes are: %(known)s.")
DATE_OUTSIDE = gettext_noop(
    "The date %(date)s is outside the pilot (%(start)s–%(end)s): a what-if covers the pilot period only."
)
NOT_A_DATE = gettext_noop("“%(value)s” is not a date; write it as YYYY-MM-DD, e.g. 2021-03-01.")

# What each unit takes, for the error message; a unit not listed here cannot be changed in a what-if.
EXPECTED = {
    "years": gettext_noop("a whole number of years"),
    "persons": gettext_noop("a whole number of persons"),
    "days": gettext_noop("a whole number of days"),
    "share": gettext_noop("a share between 0 and 1 (e.g. 0.4)"),
    "yes/no": gettext_noop("yes or no (true or false)"),
    "date": gettext_noop("a date (YYYY-MM-DD)"),
    "status codes": gettext_noop("status codes separated by commas"),
}
TRUE_WORDS = {"true", "yes", "1", "kyllä", "ja"}
FALSE_WORDS = {"false", "no", "0", "ei", "nej"}
NONE_WORDS = {"", "none", "null", "-"}


class OverlayError(ValueError):
    """An edit refused; `message` words it in any language, `name` is the parameter at fault (or None)."""

    def __init__(self, message: Message, name: str | None = None):
        super().__init__(message.render("en"))
        self.message, self.name = message, name

    def render(self, lang: str) -> str:
        return self.message.render(lang)


@dataclass(frozen=True)
class Edit:
    name: str
    value: Any
    start: dt.date | None = None

    def to_json(self) -> dict:
        value = self.value.isoformat() if isinstance(self.value, dt.date) else self.value
        return {"name": self.name, "value": value, "start": self.start.isoformat() if self.start else None}

    @classmethod
    def from_json(cls, data: dict, store: ParameterStore) -> Edit:
        """An edit stored with `to_json`, its value read again by the parameter's unit."""
        value = data["value"]
        value = parse(store, data["name"], ",".join(value) if isinstance(value, list) else value)
        start = dt.date.fromisoformat(data["start"]) if data.get("start") else None
        return cls(data["name"], value, start)


def parameter_of(store: ParameterStore, name: str, allowed: Iterable[str] | None = None) -> Parameter:
    names = sorted(allowed) if allowed is not None else sorted(store.parameters)
    editable = [n for n in names if n in store.parameters and store.parameters[n].unit in EXPECTED]
    if name not in editable:
        raise OverlayError(Message(UNKNOWN_PARAMETER, {"name": name, "known": ", ".join(editable)}), None)
    return store.parameters[name]


def parse(store: ParameterStore, name: str, value: Any, allowed: Iterable[str] | None = None) -> Any:
    """`value` (text, or already typed) as the parameter's unit takes it; an `OverlayError` otherwise."""
    parameter = parameter_of(store, name, allowed)
    unit = parameter.unit
    text = value.strip() if isinstance(value, str) else value

    def wrong() -> OverlayError:
        args = {"name": name, "expected": Message(EXPECTED[unit]), "value": str(value)}
        return OverlayError(Message(WRONG_VALUE, args), name)

    if unit in ("years", "persons", "days"):
        if isinstance(text, bool):
            raise wrong()
        try:
            number = int(text) if isinstance(text, int | str) else None
        except ValueError:
            number = None
        if number is None or number < 0:
            raise wrong()
        return number
    if unit == "share":
        try:
            share = float(text) if not isinstance(text, bool) else None
        except (TypeError, ValueError):
            share = None
        if share is None or not 0 <= share <= 1:
            raise wrong()
        return share
    if unit == "yes/no":
        if isinstance(text, bool):
            return text
        word = str(text).lower()
        if word in TRUE_WORDS | FALSE_WORDS:
            return word in TRUE_WORDS
        raise wrong()
    if unit == "date":
        nullable = any(v.value is None for v in parameter.values)
        if text is None or (isinstance(text, str) and text.lower() in NONE_WORDS):
            if nullable:
                return None
            raise wrong()
        if isinstance(text, dt.date):
            return text
        try:
            return dt.date.fromisoformat(str(text))
        except ValueError:
            raise wrong() from None
    # status codes: a list of codes, each one the law has used
    known = sorted({code for v in parameter.values for code in v.value})
    codes = text if isinstance(text, list | tuple) else str(text).replace(";", ",").split(",")
    codes = [str(c).strip() for c in codes if str(c).strip()]
    if not codes:
        raise wrong()
    for code in codes:
        if code not in known:
            raise OverlayError(
                Message(UNKNOWN_CODE, {"name": name, "value": code, "known": ", ".join(known)}), name
            )
    return list(dict.fromkeys(codes))


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise OverlayError(Message(NOT_A_DATE, {"value": text})) from None


def check_within(on: dt.date, within: tuple[dt.date, dt.date], name: str | None = None) -> None:
    start, end = within
    if not start <= on <= end:
        raise OverlayError(Message(DATE_OUTSIDE, {"date": on, "start": start, "end": end}), name)


def overlay(
    store: ParameterStore,
    edits: Iterable[Edit],
    allowed: Iterable[str] | None = None,
    within: tuple[dt.date, dt.date] | None = None,
) -> ParameterStore:
    """A new store: `store` with each edit's value holding from its start on. Every edit is validated."""
    allowed = list(allowed) if allowed is not None else None
    parameters = dict(store.parameters)
    for edit in edits:
        value = parse(store, edit.name, edit.value, allowed)
        parameter = parameters[edit.name]
        start = edit.start or parameter.values[0].start
        if within is not None:
            check_within(start, within, edit.name)
        kept = []
        for old in parameter.values:
            if old.start >= start:
                continue
            kept.append(old if old.end is not None and old.end < start else replace(old, end=start - ONE_DAY))
        new = ParameterValue(edit.name, start, None, value, parameter.unit, WHAT_IF_REFERENCE)
        parameters[edit.name] = replace(parameter, values=(*kept, new))
    return ParameterStore(parameters, list(store.changelog))
