from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "kuntakokeilu.monitoring"
    label = "monitoring"
    verbose_name = _("Monthly monitoring")

    def ready(self) -> None:
        from . import actions, computations  # noqa: F401 (register the actions and the indicators' computations)
