from django.urls import path

from . import views, views_assessment

app_name = "service_process"
urlpatterns = [
    path("job-seekers/<uuid:person_id>/service/", views.process, name="process"),
    path("job-seekers/<uuid:person_id>/service/meetings/", views.record_meeting, name="record-meeting"),
    path("service/worklist/", views.worklist, name="worklist"),
    path(
        "job-seekers/<uuid:person_id>/service/assessment/", views_assessment.record, name="record-assessment"
    ),
]
