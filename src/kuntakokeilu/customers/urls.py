from django.urls import path

from . import views

app_name = "customers"
urlpatterns = [
    path("job-seekers/", views.search, name="search"),
    path("job-seekers/import/", views.import_file, name="import"),
    path("job-seekers/<uuid:person_id>/", views.person, name="person"),
    path("job-seekers/<uuid:person_id>/facts/<int:fact_id>/correct/", views.correct, name="correct"),
    path("job-seekers/<uuid:person_id>/notices/<int:notice_id>/", views.notice, name="notice"),
    path("access-log/", views.access_log, name="access-log"),
    path("access-request/", views.access_request, name="access-request"),
]
