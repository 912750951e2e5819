from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "kuntakokeilu.applications"
    label = "applications"
    verbose_name = _("Applications")

    def ready(self) -> None:
        from . import actions  # noqa: F401  (registers the app's actions in the catalogue)
