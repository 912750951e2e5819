from django.urls import path

from . import views

app_name = "regions"
urlpatterns = [
    path("trial-areas/", views.trial_area_list, name="trial-area-list"),
    path("trial-areas/<int:number>/", views.trial_area_detail, name="trial-area"),
    path("municipalities/<str:code>/", views.municipality_detail, name="municipality"),
]
