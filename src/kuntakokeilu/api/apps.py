from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kuntakokeilu.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from . import actions  # noqa: F401  (registers the API's actions in the catalogue)
