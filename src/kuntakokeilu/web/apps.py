from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "kuntakokeilu.web"
    label = "web"

    def ready(self) -> None:
        from . import actions  # noqa: F401  (registers the shell's actions in the catalogue)
