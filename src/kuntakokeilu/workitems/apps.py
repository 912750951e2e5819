from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkItemsConfig(AppConfig):
    name = "kuntakokeilu.workitems"
    label = "workitems"
    verbose_name = _("Work items")
