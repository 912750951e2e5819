from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "kuntakokeilu.cooperation"
    label = "cooperation"
    verbose_name = _("Regional co-operation network")

    def ready(self):
        from . import actions  # noqa: F401  (registers the app's actions in the catalogue)
