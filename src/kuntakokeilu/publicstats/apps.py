from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicstatsConfig(AppConfig):
    name = "kuntakokeilu.publicstats"
    label = "publicstats"
    verbose_name = _("Public statistics")

    def ready(self):
        from . import actions  # noqa: F401  (registers the app's actions in the catalogue)
