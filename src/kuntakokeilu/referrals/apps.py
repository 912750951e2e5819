from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferralsConfig(AppConfig):
    name = "kuntakokeilu.referrals"
    label = "referrals"
    verbose_name = _("Services and referrals")

    def ready(self):
        from . import actions  # noqa: F401  (registers the app's actions in the catalogue)
