from django.apps import AppConfig


class RulesConfig(AppConfig):
    name = "kuntakokeilu.rules"
    label = "rules"
    verbose_name = "Rules"
