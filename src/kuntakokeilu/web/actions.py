"""The web shell's actions in the catalogue (R-X-1): the public pages, the language switch, one's home."""

from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import ALL_ROLES, declare

declare("web.view_public", _("See the public pages"), public=True)
declare("web.set_language", _("Choose the interface language"), public=True)
declare("web.view_home", _("See one's own home page"), roles=ALL_ROLES)
