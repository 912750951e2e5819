"""Status transitions declared as tables: `Transitions({(status, event): new_status, ...})`.

A use case asks `table.after(status, event)` before it changes a row: an event the table does not allow
from the row's status is refused with a localised message — the one given for (status, event), else the
one for the event, else a general one — as a `ValidationError`, and the row is left as it was.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

NOT_ALLOWED = _("This step is not possible in the matter's present state.")


class Transitions:
    def __init__(
        self,
        table: Mapping[tuple[str, str], str],
        refusals: Mapping[str | tuple[str, str], str | Promise] | None = None,
    ):
        self.table = dict(table)
        self.refusals = dict(refusals or {})

    def after(self, status: str, event: str) -> str:
        """The status after `event`; a ValidationError when the table does not allow it."""
        try:
            return self.table[(str(status), event)]
        except KeyError:
            refusal = self.refusals.get((str(status), event), self.refusals.get(event, NOT_ALLOWED))
            raise ValidationError(str(refusal)) from None

    def allows(self, status: str, event: str) -> bool:
        return (str(status), event) in self.table

    def events_from(self, status: str) -> list[str]:
        return [event for (start, event) in self.table if start == str(status)]
