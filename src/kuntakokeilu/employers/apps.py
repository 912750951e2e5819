from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployersConfig(AppConfig):
    name = "kuntakokeilu.employers"
    label = "employers"
    verbose_name = _("Employers")

    def ready(self):
        from . import actions  # noqa: F401  (registers the app's actions in the catalogue)
