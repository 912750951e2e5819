from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServiceProcessConfig(AppConfig):
    name = "kuntakokeilu.service_process"
    label = "service_process"
    verbose_name = _("Service process")

    def ready(self):
        from . import actions  # noqa: F401  (registers the app's actions in the catalogue)
