from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "kuntakokeilu.evaluation"
    label = "evaluation"
    verbose_name = _("Impact evaluation")

    def ready(self) -> None:
        from . import actions  # noqa: F401  (registers the app's actions in the catalogue)
