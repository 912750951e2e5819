from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "kuntakokeilu.jobs"
    label = "jobs"
    verbose_name = _("Background tasks")

    def ready(self) -> None:
        from . import actions, services  # noqa: F401 (actions registers the app's action)

        services.connect_signals()
