from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WhatIfConfig(AppConfig):
    name = "kuntakokeilu.whatif"
    label = "whatif"
    verbose_name = _("Policy what-if")

    def ready(self) -> None:
        from kuntakokeilu.jobs.signals import job_abandoned

        from . import actions, services  # noqa: F401 (actions registers the app's actions)

        job_abandoned.connect(services.abandoned, sender=services.run_whatif, dispatch_uid="whatif.run")
