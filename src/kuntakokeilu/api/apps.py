from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kuntakokeilu.api"
    label = "api"
    verbose_name = "API"
