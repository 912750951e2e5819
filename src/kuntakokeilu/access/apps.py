from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccessConfig(AppConfig):
    name = "kuntakokeilu.access"
    label = "access"
    verbose_name = _("Access")

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import pre_save

        from .usernames import normalise_on_save

        pre_save.connect(normalise_on_save, sender=get_user_model(), dispatch_uid="kk-normalise-username")
