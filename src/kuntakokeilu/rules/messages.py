"""Explanations as message ids and arguments, rendered through gettext when shown (R-REF-4).

A rule module declares its message ids with `gettext_noop` (English source text with `%(name)s`
placeholders); translators own the fi/sv wording in the app's `locale/` catalogue. Arguments are
figures and codes; an argument may be
- a `datetime.date` (shown 1.3.2021 in fi/sv, 1 March 2021 in en),
- a name in several languages, `{"fi": …, "sv": …}` (en falls back to fi),
- another `Message` (for a translatable term inside a sentence).

A message about a count takes its plural form from `ngettext` (R-X-8: "1 kunta", "2 kuntaa"): give the
English plural as `plural` and the argument that counts as `count`. Such a message is best nested as an
argument (e.g. `Message(MEMBERS, {"n": 1}, plural=MEMBERS_PLURAL, count="n")`), so its record keeps both ids.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.utils import translation

DEFAULT_LANG = "fi"
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Message:
    msgid: str
    args: dict[str, Any] = field(default_factory=dict)
    plural: str | None = None
    count: str | None = None

    def render(self, lang: str) -> str:
        with translation.override(lang):
            if self.plural and self.count:
                template = translation.ngettext(self.msgid, self.plural, int(self.args[self.count]))
            else:
                template = translation.gettext(self.msgid)
        rendered = {name: render_arg(value, lang) for name, value in self.args.items()}
        return template % rendered if rendered else template

    def to_record(self) -> dict:
        record: dict[str, Any] = {
            "msgid": self.msgid,
            "args": {k: arg_record(v) for k, v in self.args.items()},
        }
        if self.plural:  # only then, so that the records of singular messages stay as they were
            record["plural"], record["count"] = self.plural, self.count
        return record

    @classmethod
    def from_record(cls, record: dict) -> Message:
        args = {k: arg_from_record(v) for k, v in record["args"].items()}
        return cls(record["msgid"], args, record.get("plural"), record.get("count"))


def render_arg(value: Any, lang: str) -> str:
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, dt.date):
        return format_date(value, lang)
    if isinstance(value, dict) and DEFAULT_LANG in value:
        return str(value.get(lang) or value[DEFAULT_LANG])
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return format_int(value, lang)
    if isinstance(value, list | tuple):
        return ", ".join(render_arg(v, lang) for v in value)
    return str(value)


def format_date(value: dt.date, lang: str) -> str:
    if lang == "en":
        return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"
    return f"{value.day}.{value.month}.{value.year}"


def format_int(value: int, lang: str) -> str:
    """30 000 in fi/sv (a no-break space groups thousands), 30,000 in en."""
    grouped = f"{value:,}"
    return grouped if lang == "en" else grouped.replace(",", "\u00a0")


_PLAIN = frozenset({str, int, bool, float, type(None)})  # exactly these types, no subclasses


def to_json_value(value: Any) -> Any:
    """Dates become ISO strings, tuples lists, Messages their record; everything else as it is."""
    if type(value) in _PLAIN:  # the most frequent case first (records are made of hundreds of thousands)
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Message):
        return value.to_record()
    if isinstance(value, dict):
        return {k: to_json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json_value(v) for v in value]
    return value


def arg_record(value: Any) -> Any:
    if type(value) in _PLAIN:
        return value
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, Message):
        return {"$message": value.to_record()}
    if isinstance(value, list | tuple):
        return [arg_record(v) for v in value]
    return value


def arg_from_record(value: Any) -> Any:
    if isinstance(value, dict) and "$date" in value:
        return dt.date.fromisoformat(value["$date"])
    if isinstance(value, dict) and "$message" in value:
        return Message.from_record(value["$message"])
    if isinstance(value, list):
        return [arg_from_record(v) for v in value]
    return value
