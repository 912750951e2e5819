"""Root URLs. Each app appends its own include; the language switch is Django's set_language."""

from django.urls import include, path

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    # --- regions ---
    path("", include("kuntakokeilu.regions.urls")),
]
