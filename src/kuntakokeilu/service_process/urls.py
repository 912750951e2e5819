from django.urls import path

from . import views

app_name = "service_process"
urlpatterns = [
    path("job-seekers/<uuid:person_id>/service/", views.process, name="process"),
    path("job-seekers/<uuid:person_id>/service/meetings/", views.record_meeting, name="record-meeting"),
    path("service/worklist/", views.worklist, name="worklist"),
]

# --- the job-search obligation (issue 17 item 2) ---
from . import views_job_search  # noqa: E402

urlpatterns += [
    path("job-seekers/<uuid:person_id>/service/job-search/", views_job_search.job_search, name="job-search"),
    path(
        "job-seekers/<uuid:person_id>/service/job-search/applications/",
        views_job_search.record_application,
        name="record-application",
    ),
]
