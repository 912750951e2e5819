"""Monitoring's actions in the catalogue (R-X-1, R-MON-3; issue 19): a trial area's manager computes,
reviews, approves and corrects the area's months; the area's ELY centre and the ministry read them (figures,
no personal data). The full recompute of every month is the administrators' (a job on the queue)."""

from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import declare
from kuntakokeilu.access.roles import Role
from kuntakokeilu.regions.models import TrialArea

from .models import MonthVersion

ACTION_LABELS = {
    "monitoring.view": _("Read a trial area's monthly monitoring figures"),
    "monitoring.close": _("Compute, review and approve a trial area's monthly figures"),
    "monitoring.correct": _("Correct a trial area's approved month as a new version"),
    "monitoring.recompute_all": _("Recompute every month of monitoring"),
}


def covers_area(user, relevant, obj, on) -> bool:
    """The object is a TrialArea or one of its months: a grant covers the area (an ELY official's covers
    the trial areas of the ELY centre; the ministry's everything). The whole pilot's month has no area."""
    area = obj.trial_area if isinstance(obj, MonthVersion) else obj
    if not isinstance(area, TrialArea):
        return any(g.everything for g in relevant)
    return any(g.covers(area) for g in relevant)


declare(
    "monitoring.view",
    ACTION_LABELS["monitoring.view"],
    roles=(Role.AREA_MANAGER, Role.ELY, Role.MINISTRY),
    scope=covers_area,
)
declare("monitoring.close", ACTION_LABELS["monitoring.close"], roles=(Role.AREA_MANAGER,), scope=covers_area)
declare(
    "monitoring.correct", ACTION_LABELS["monitoring.correct"], roles=(Role.AREA_MANAGER,), scope=covers_area
)
declare("monitoring.recompute_all", ACTION_LABELS["monitoring.recompute_all"], roles=(Role.ADMIN,))
