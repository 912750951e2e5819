"""The exchange app's actions (R-X-1): exports and imports hold every job seeker's data, so only the
system's administrators start them and see their jobs; the formats themselves are public documentation."""

from kuntakokeilu.access.actions import declare
from kuntakokeilu.access.roles import Role

from .messages import ACTION_LABELS

declare("exchange.view_jobs", ACTION_LABELS["exchange.view_jobs"], roles=(Role.ADMIN,))
declare("exchange.run", ACTION_LABELS["exchange.run"], roles=(Role.ADMIN,))
