from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CustomersConfig(AppConfig):
    name = "kuntakokeilu.customers"
    label = "customers"
    verbose_name = _("Job seekers")

    def ready(self) -> None:
        from . import actions  # noqa: F401  (registers the app's actions in the catalogue)
