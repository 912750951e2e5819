from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RetentionConfig(AppConfig):
    name = "kuntakokeilu.retention"
    label = "retention"
    verbose_name = _("Retention of job seekers' data")

    def ready(self) -> None:
        from kuntakokeilu.jobs.signals import job_abandoned

        from . import actions, services  # noqa: F401 (actions registers the app's actions)

        job_abandoned.connect(services.abandoned, sender=services.run_retention, dispatch_uid="retention.run")
