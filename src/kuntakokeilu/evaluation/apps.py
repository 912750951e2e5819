from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "kuntakokeilu.evaluation"
    label = "evaluation"
    verbose_name = _("Impact evaluation")

    def ready(self) -> None:
        from kuntakokeilu.jobs.signals import job_abandoned

        from . import actions, services  # noqa: F401 (actions registers the app's actions)

        job_abandoned.connect(
            services.abandoned, sender=services.run_evaluation, dispatch_uid="evaluation.run"
        )
