from django.urls import path

from . import health, reference, views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("healthz", health.healthz, name="healthz"),
    # the reference data's public pages (R-REF-1)
    path("trial-areas/", reference.trial_area_list, name="trial-area-list"),
    path("trial-areas/<int:number>/", reference.trial_area_detail, name="trial-area"),
    path("municipalities/<str:code>/", reference.municipality_detail, name="municipality"),
]
