"""The API's own actions in the catalogue (R-X-1): its description, and one's own account."""

from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import ALL_ROLES, declare

declare("api.view_schema", _("Read the API description"), public=True)
declare("api.view_own_account", _("See one's own roles and scope"), roles=ALL_ROLES)
