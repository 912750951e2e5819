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

# --- customer assignment and the area manager's pages (issue 16 items 2 and 3) ---
from . import views_customers, views_manage  # noqa: E402

urlpatterns += [
    path("service/customers/", views_customers.customers, name="customers"),
    path("service/customers/reassign/", views_customers.reassign, name="reassign"),
    path("service/area/", views_manage.home, name="area-home"),
    path("service/areas/<int:area_no>/", views_manage.area_settings, name="area"),
    path(
        "service/areas/<int:area_no>/first-contact-targets/",
        views_manage.add_first_contact_target,
        name="add-first-contact-target",
    ),
    path(
        "service/areas/<int:area_no>/escalation-thresholds/",
        views_manage.add_escalation_threshold,
        name="add-escalation-threshold",
    ),
    path("service/areas/<int:area_no>/points/new/", views_manage.point_new, name="point-new"),
    path("service/points/<int:point_id>/", views_manage.point_edit, name="point-edit"),
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

# --- why a job search ended (issue 17 item 6) ---
from . import views_exit  # noqa: E402

urlpatterns += [
    path(
        "job-seekers/<uuid:person_id>/service/job-search-end/", views_exit.end_reason, name="job-search-end"
    ),
    path(
        "job-seekers/<uuid:person_id>/service/job-search-end/record/",
        views_exit.record_end_reason,
        name="record-end-reason",
    ),
]
