from django.urls import path

from . import views

app_name = "regions"
urlpatterns = [
    path("", views.trial_area_list, name="trial-area-list"),
]
