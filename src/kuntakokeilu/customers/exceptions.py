"""The initial batch's exception list (issue 14 item 2; R-TG-4, R-TG-5; L1269 s. 5 mom 3, as mom 5 after
L671/2022): the persons the TE office keeps instead of transferring them at the pilot's start, each with
its reason (`KeepReason`: language rights, an inappropriate customer relationship, another justified
reason explained). Imported before `transfer initial` (format: docs/formats/initial_exceptions.md).

All or nothing: every line is validated first (an unknown person, a bad identity code, an unknown reason,
another reason without its explanation, a person twice, a person who already has a customership: the list
applies only before the batch), each error with its line in the active language; then one transaction. A
line equal to the one stored changes nothing, so a re-import says "No change"."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from .identity import InvalidHenkilotunnus, parse_henkilotunnus
from .importer import ImportRejected, RowError
from .models import InitialException, KeepReason, Person

COLUMNS = ("henkilotunnus", "keep_reason", "keep_text")
REQUIRED = ("henkilotunnus", "keep_reason")


@dataclass(frozen=True)
class Line:
    line: int
    person_id: object
    reason: str
    text: str


def read(data: bytes) -> list[Line]:
    """Validate the whole file; raises ImportRejected with every error found."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRejected([RowError(1, _("file"), _("The file is not UTF-8 text."))]) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    errors = [
        RowError(1, c, _("The column is missing from the header.")) for c in REQUIRED if c not in header
    ]
    errors += [RowError(1, c or "–", _("Unknown column.")) for c in header if c not in COLUMNS]
    if len(set(header)) != len(header):
        errors.append(RowError(1, _("header"), _("A column appears twice.")))
    if errors:
        raise ImportRejected(errors)
    rows = []
    for row in reader:
        if None in row or any(v is None for v in row.values()):
            errors.append(
                RowError(
                    reader.line_num, _("row"), _("The row has a different number of fields than the header.")
                )
            )
            continue
        rows.append((reader.line_num, row))
    codes = {}
    for line, row in rows:
        try:
            codes[line] = parse_henkilotunnus(row["henkilotunnus"]).code
        except InvalidHenkilotunnus as exc:
            errors.append(RowError(line, "henkilotunnus", str(exc)))
    # one query for the file's persons, not one per line
    known = dict(Person.objects.filter(henkilotunnus__in=codes.values()).values_list("henkilotunnus", "pk"))
    customers = set(  # the list applies before the initial transfer: a customer's line would change nothing
        Person.objects.filter(henkilotunnus__in=known, customerships__isnull=False).values_list(
            "henkilotunnus", flat=True
        )
    )
    seen: dict[str, int] = {}
    lines = []
    for line, row in rows:
        reason = row["keep_reason"].strip()
        explanation = (row.get("keep_text") or "").strip()
        if reason not in KeepReason.values:
            errors.append(
                RowError(
                    line,
                    "keep_reason",
                    _("Unknown reason: %(value)s. Allowed: %(allowed)s.")
                    % {"value": reason or "–", "allowed": ", ".join(KeepReason.values)},
                )
            )
        elif reason == KeepReason.OTHER and not explanation:
            errors.append(RowError(line, "keep_text", _("Explain the other justified reason.")))
        code = codes.get(line)
        if code is None:
            continue
        if code not in known:
            errors.append(RowError(line, "henkilotunnus", _("No job seeker with this identity code.")))
        elif code in customers:
            errors.append(
                RowError(
                    line,
                    "henkilotunnus",
                    _(
                        "The person already has a customership: "
                        "the list applies only before the initial transfer."
                    ),
                )
            )
        elif code in seen:
            errors.append(
                RowError(
                    line,
                    "henkilotunnus",
                    _("The same person is already on line %(line)s.") % {"line": seen[code]},
                )
            )
        else:
            seen[code] = line
            lines.append(Line(line, known[code], reason, explanation))
    if not errors and not rows:
        errors.append(RowError(1, _("file"), _("The file has no rows.")))
    if errors:
        raise ImportRejected(errors)
    return lines


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def summary(self, source: str) -> str:
        if not (self.created or self.updated):
            return _("No change: every person was already on the exception list.")
        return _(
            "Imported %(file)s: %(created)s persons added to the exception list, %(updated)s updated, "
            "%(unchanged)s unchanged."
        ) % {"file": source, "created": self.created, "updated": self.updated, "unchanged": self.unchanged}


@transaction.atomic
def import_exceptions(data: bytes, source: str) -> Report:
    """Validate the file, then store every line in one transaction (a person's stored line is replaced
    by the file's when they differ)."""
    lines = read(data)
    report = Report()
    stored = {
        row.person_id: row
        for row in InitialException.objects.select_for_update().filter(
            person_id__in=[ln.person_id for ln in lines]
        )
    }
    for ln in lines:
        row = stored.get(ln.person_id)
        if row is None:
            InitialException.objects.create(
                person_id=ln.person_id, keep_reason=ln.reason, keep_text=ln.text, source=source
            )
            report.created += 1
        elif (row.keep_reason, row.keep_text) == (ln.reason, ln.text):
            report.unchanged += 1
        else:
            row.keep_reason, row.keep_text, row.source = ln.reason, ln.text, source
            row.save(update_fields=["keep_reason", "keep_text", "source"])
            report.updated += 1
    return report
