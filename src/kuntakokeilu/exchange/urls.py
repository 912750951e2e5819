from django.urls import path

from . import views

app_name = "exchange"
urlpatterns = [
    path("exchange/", views.jobs, name="jobs"),
    path("exchange/export/", views.start_export, name="export"),
    path("exchange/import/", views.start_import, name="import"),
    path("exchange/<uuid:job_id>/", views.job, name="job"),
    path("exchange/<uuid:job_id>/export.zip", views.download, name="download"),
]
