"""The project's glossary (docs/glossary.md) read as data, and the English words that must not appear on
fi/sv pages or in fi/sv catalogues (R-X-8). Shared by tests/test_glossary.py, tests/rules/test_citations.py
and the crawl test tests/web/test_crawl_language.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "glossary.md"

# Words that are English and neither Finnish nor Swedish (nor a code the pages show on purpose).
ENGLISH_STOP_WORDS = frozenset(
    {
        "the", "and", "of", "with", "which", "from", "this", "that", "these", "amended", "original",
        "source", "unknown", "none", "true", "false", "draft", "submitted", "queued", "running", "failed",
        "where", "when", "will", "should", "would", "there", "their", "your", "you", "not", "is", "are",
        "was", "were", "has", "have", "been", "yes", "home", "search", "save", "delete", "cancel", "submit",
        "selected", "applicant", "application", "applications", "municipality", "municipalities", "area",
        "areas", "date", "dates", "name", "total", "result", "results", "report", "reports", "reference",
        "period", "estimate", "summary", "figure", "figures", "step", "steps", "settings", "error", "errors",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Term:
    fi: str
    sv: str
    en: str
    rejected_fi: tuple[str, ...]
    rejected_sv: tuple[str, ...]


def _forms(cell: str) -> tuple[str, ...]:
    return tuple(f.strip() for f in cell.split(";") if f.strip() and f.strip() != "–")


def terms() -> list[Term]:
    """The rows of the glossary's table: fi | sv | en | rejected fi | rejected sv (forms split by ';')."""
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 5 or cells[0] in {"suomi", ""} or set(cells[0]) <= {"-", " "}:
            continue
        rows.append(Term(cells[0], cells[1], cells[2], _forms(cells[3]), _forms(cells[4])))
    return rows


def english_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]+", text)} & ENGLISH_STOP_WORDS
