from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    name = "kuntakokeilu.statements"
    label = "statements"
    verbose_name = _("Labour-policy statements and notices")

    def ready(self):
        from . import actions  # noqa: F401  (registers the app's actions in the catalogue)
