"""The evaluation app's actions in the catalogue (R-X-1, R-EVAL-3): researchers and the ministry run
specifications and read every run's report (national, aggregate statistics; no personal data). ELY
officials do not: the issue names researchers and ministry users."""

from kuntakokeilu.access.actions import declare
from kuntakokeilu.access.roles import Role

from .messages import ACTION_LABELS

EVALUATORS = (Role.RESEARCHER, Role.MINISTRY)

declare("evaluation.view_runs", ACTION_LABELS["evaluation.view_runs"], roles=EVALUATORS)
declare("evaluation.run", ACTION_LABELS["evaluation.run"], roles=EVALUATORS)
