"""The `Letter` value: what a document the system sends says, in one language, before it is rendered.

Every text in it is final text in `language` (the building app translates its own words); dates stay dates
and the renderer writes them as the language does. Appeal instructions (valitusosoitus / besvärsanvisning)
are given only where the law gives a remedy against the decision; a letter without one prints none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

LANGUAGES = ("fi", "sv", "en")


@dataclass(frozen=True)
class Section:
    """A part of the letter's body: an optional heading, paragraphs, then an optional bulleted list."""

    heading: str = ""
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()

    def __post_init__(self):
        _require_tuple(self, "paragraphs", "items")
        if not (self.heading or self.paragraphs or self.items):
            raise ValueError("an empty section")


@dataclass(frozen=True)
class Appeal:
    """Appeal instructions: how and where to seek a remedy, and by when. `heading` replaces the default
    label ("Appeal instructions") where the remedy is another, e.g. a request for rectification."""

    paragraphs: tuple[str, ...]
    heading: str = ""

    def __post_init__(self):
        _require_tuple(self, "paragraphs")
        if not self.paragraphs:
            raise ValueError("appeal instructions without text")


@dataclass(frozen=True)
class Letter:
    """A document from `sender` to `recipient` dated `date`, in `language` (fi, sv or en).

    `reference`: the diary number or the case's reference, if any; `subtitle`: a line under the title
    (e.g. the round the decision is about); `signature`: the lines that close the letter (the
    decision-maker's title and name), empty for a notice sent by the authority itself.
    """

    language: str
    title: str
    sender: str
    date: dt.date
    recipient: str = ""
    reference: str = ""
    subtitle: str = ""
    sections: tuple[Section, ...] = ()
    legal_references: tuple[str, ...] = ()
    appeal: Appeal | None = None
    signature: tuple[str, ...] = field(default=())

    def __post_init__(self):
        if self.language not in LANGUAGES:
            raise ValueError(f"unknown language {self.language!r}")
        if not self.title:
            raise ValueError("a letter needs a title")
        if not isinstance(self.date, dt.date):
            raise TypeError("the letter's date must be a date")
        _require_tuple(self, "sections", "legal_references", "signature")


def _require_tuple(value, *names: str) -> None:
    """Lists become tuples, so that a letter stays immutable and hashable."""
    for name in names:
        items = getattr(value, name)
        if isinstance(items, list):
            object.__setattr__(value, name, tuple(items))
        elif not isinstance(items, tuple):
            raise TypeError(f"{name} must be a tuple")
