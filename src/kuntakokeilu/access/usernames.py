"""One form of a username (R-X-1): case-folded and Unicode-normalised when saved, so that the database's
unique constraint alone keeps "Aino.Virtanen" and "aino.virtanen" one account — also when two managers
create them at the same moment — and sign-in finds the account whatever case is typed. (SQLite's LOWER()
folds only ASCII, so nothing relies on the database folding.)"""

from __future__ import annotations

import unicodedata


def normalise(username: str) -> str:
    return unicodedata.normalize("NFKC", username).strip().casefold()


def normalise_on_save(sender, instance, **kwargs) -> None:
    """pre_save of the user model: every writer (pages, admin site, commands) stores the one form."""
    instance.username = normalise(instance.username or "")


def axes_username(request, credentials) -> str:
    """The sign-in throttle's key (django-axes): the normalised name, so that varying its case does not
    buy more attempts."""
    raw = (credentials or {}).get("username") or request.POST.get("username", "")
    return normalise(raw)
