"""The retention app's actions in the catalogue (R-X-1, R-X-4): the system's administrators see the runs
(counts only, no person) and start one. Labels are translated in the retention app."""

from kuntakokeilu.access.actions import declare
from kuntakokeilu.access.roles import Role

from .messages import ACTION_LABELS

declare("retention.view_runs", ACTION_LABELS["retention.view_runs"], roles=(Role.ADMIN,))
declare("retention.run", ACTION_LABELS["retention.run"], roles=(Role.ADMIN,))
