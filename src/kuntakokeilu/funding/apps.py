from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundingConfig(AppConfig):
    name = "kuntakokeilu.funding"
    label = "funding"
    verbose_name = _("Funding")

    def ready(self):
        from . import actions  # noqa: F401  (registers the app's actions in the catalogue)
