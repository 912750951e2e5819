from django.urls import path

from . import views

app_name = "publicstats"

urlpatterns = [
    path("statistics/", views.comparison_page, name="comparison"),
    path("statistics/series.csv", views.comparison_csv, name="comparison-csv"),
]
