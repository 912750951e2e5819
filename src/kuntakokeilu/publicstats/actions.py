"""The public statistics' action in the catalogue (R-X-1, R-MON-6): the comparison series are published
statistics (StatFin 12r5 summed over areas), so anyone, signed in or not, may see them. Registered by
`apps.py`."""

from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import declare

declare("publicstats.view", _("See the public comparison statistics"), public=True)
