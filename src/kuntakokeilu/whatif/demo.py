"""Demo step of the what-if (issue 13): one stored what-if over the demo's job seekers — the age limit 25
from 1.3.2021, on the pilot's first day — so `make run` shows a result. Idempotent: kept once stored."""

from __future__ import annotations

import datetime as dt

from kuntakokeilu.rules.overlay import Edit

from . import services
from .models import Status, WhatIf

NAME = "Ikäraja 25 (demo)"


def run(today):
    if WhatIf.objects.filter(name=NAME, status=Status.DONE).exists():
        yield "What-if demo: no change (already stored)."
        return
    dates, edits = services.prepare(
        "target-group", [dt.date(2021, 3, 1)], [Edit("target_group.age_limit", 25)]
    )
    whatif = services.create(NAME, "target-group", dates, edits, None, "fi")
    services.execute(whatif.pk)
    whatif.refresh_from_db()
    snapshot = (whatif.results or {"snapshots": [{}]})["snapshots"][0]
    leaving = sum(snapshot.get("leaves", {}).values())
    yield f"What-if demo: #{whatif.pk} {whatif.status}, {leaving} leave the target group."
