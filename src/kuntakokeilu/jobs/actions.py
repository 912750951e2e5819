"""The jobs app's action in the catalogue (R-X-1): the background tasks and their workers are the
system's administrators' to see. Labels are translated in the jobs app."""

from kuntakokeilu.access.actions import declare
from kuntakokeilu.access.roles import Role

from .messages import ACTION_LABELS

declare("jobs.view_jobs", ACTION_LABELS["jobs.view_jobs"], roles=(Role.ADMIN,))
