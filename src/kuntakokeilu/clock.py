"""The injected clock: the one place the system asks what day it is.

Domain code takes the date as a parameter; only entry points (views, commands) ask `today()`.
Setting `KUNTAKOKEILU_TODAY` (an ISO date, from the environment variable of the same name or
overridden in tests) fixes "today" for the whole process, the live test server included.
"""

import datetime as dt

from django.conf import settings
from django.utils import timezone


def today() -> dt.date:
    fixed = getattr(settings, "KUNTAKOKEILU_TODAY", None)
    if fixed:
        return fixed if isinstance(fixed, dt.date) else dt.date.fromisoformat(fixed)
    return timezone.localdate()
