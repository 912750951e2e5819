"""Monitoring's actions in the catalogue (R-X-1, R-MON-3; issue 19): a trial area's manager computes,
reviews, approves and corrects the area's months; the area's ELY centre and the ministry read them (figures,
no personal data). The full recompute of every month is the administrators' (a job on the queue)."""

from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import covers_object, declare
from kuntakokeilu.access.roles import Role

ACTION_LABELS = {
    "monitoring.view": _("Read a trial area's monthly monitoring figures"),
    "monitoring.close": _("Compute, review and approve a trial area's monthly figures"),
    "monitoring.correct": _("Correct a trial area's approved month as a new version"),
    "monitoring.recompute_all": _("Recompute every month of monitoring"),
}

# The object is a TrialArea.
declare(
    "monitoring.view",
    ACTION_LABELS["monitoring.view"],
    roles=(Role.AREA_MANAGER, Role.ELY, Role.MINISTRY),
    scope=covers_object,
)
declare(
    "monitoring.close", ACTION_LABELS["monitoring.close"], roles=(Role.AREA_MANAGER,), scope=covers_object
)
declare(
    "monitoring.correct", ACTION_LABELS["monitoring.correct"], roles=(Role.AREA_MANAGER,), scope=covers_object
)
declare("monitoring.recompute_all", ACTION_LABELS["monitoring.recompute_all"], roles=(Role.ADMIN,))
