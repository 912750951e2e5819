"""The what-if's actions in the catalogue (R-X-1; issue 13): the ministry and researchers run what-ifs and
read every one (counts, no personal data); ELY officials run them too and see the rows of their own area.
The persons who change side are stored, but shown only as counts here; their pages stay behind
`customers.view_person`."""

from kuntakokeilu.access.actions import declare
from kuntakokeilu.access.roles import Role

from .messages import ACTION_LABELS

WHATIF_ROLES = (Role.MINISTRY, Role.RESEARCHER, Role.ELY)

declare("whatif.view", ACTION_LABELS["whatif.view"], roles=WHATIF_ROLES)
declare("whatif.run", ACTION_LABELS["whatif.run"], roles=WHATIF_ROLES)
