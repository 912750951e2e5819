"""The generated catalogue: every action with the roles that may take it, in one place (R-X-1).

Read from the registered catalogue (`actions.CATALOGUE`), so it is as complete as the running system:
the command `kuntakokeilu catalogue` (`make catalogue`) prints it and admins see it at
`/access/catalogue/`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .actions import CATALOGUE, Action
from .roles import Role


@dataclass(frozen=True)
class Entry:
    code: str
    app: str
    label: str
    roles: tuple[str, ...]  # role labels in the active language; empty for a public action
    public: bool
    scoped: bool  # the answer also depends on the object (its place, its handler)


def entries() -> list[Entry]:
    """Every action, by app and code, worded in the active language."""
    return [_entry(action) for action in sorted(CATALOGUE.values(), key=lambda a: (a.app, a.code))]


def _entry(action: Action) -> Entry:
    roles = tuple(str(Role(role).label) for role in action.roles)
    return Entry(action.code, action.app, str(action.label), roles, action.public, action.scope is not None)


def as_text(rows: list[Entry]) -> str:
    """The catalogue as plain text, one action a line: code, who, label."""
    lines = []
    for row in rows:
        who = _("everyone") if row.public else ", ".join(row.roles)
        scope = f" ({_('within their scope')})" if row.scoped else ""
        lines.append(f"{row.code:34} {who}{scope}\n{'':34} {row.label}")
    return "\n".join(lines)
