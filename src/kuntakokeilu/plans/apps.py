from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "kuntakokeilu.plans"
    label = "plans"
    verbose_name = _("Plans")

    def ready(self):
        from . import actions  # noqa: F401  (registers the app's actions in the catalogue)
