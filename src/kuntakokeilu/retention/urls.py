from django.urls import path

from . import views

app_name = "retention"
urlpatterns = [
    path("retention/", views.runs, name="runs"),
    path("retention/run/", views.start, name="start"),
]
