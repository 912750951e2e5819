from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "kuntakokeilu.decisions"
    label = "decisions"
    verbose_name = _("Benefit decisions")

    def ready(self):
        from . import actions  # noqa: F401  (registers the app's actions in the catalogue)
