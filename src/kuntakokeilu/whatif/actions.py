"""The what-if's actions in the catalogue (R-X-1; issue 13): the ministry and researchers run what-ifs and
read every one (counts, no personal data); ELY officials run them too and see the rows of their own area.
Municipal staff and TE-office officials — those who may see persons (`customers.view_person`) — read a
what-if's rows of their own scope, and open the persons who change side whom they may see
(`whatif.view_changes`: the list keeps only those; each links to the person page, which logs the access).
Nobody else sees a person of a what-if: counts only."""

from kuntakokeilu.access.actions import declare
from kuntakokeilu.access.roles import Role
from kuntakokeilu.customers.actions import PERSON_ROLES

from .messages import ACTION_LABELS

WHATIF_ROLES = (Role.MINISTRY, Role.RESEARCHER, Role.ELY)

declare("whatif.view", ACTION_LABELS["whatif.view"], roles=WHATIF_ROLES + PERSON_ROLES)
declare("whatif.run", ACTION_LABELS["whatif.run"], roles=WHATIF_ROLES)
declare("whatif.view_changes", ACTION_LABELS["whatif.view_changes"], roles=PERSON_ROLES)
