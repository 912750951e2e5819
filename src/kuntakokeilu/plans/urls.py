from django.urls import path

from . import views

app_name = "plans"
P = "job-seekers/<uuid:person_id>/service/plans/"
urlpatterns = [
    path(P, views.plans, name="plans"),
    path(P + "new/", views.new_plan, name="new-plan"),
    path(P + "<int:plan_id>/versions/new/", views.new_version, name="new-version"),
    path(P + "<int:plan_id>/versions/<int:version_no>/", views.version, name="version"),
    path(P + "<int:plan_id>/versions/<int:version_no>.pdf", views.version_pdf, name="version-pdf"),
    path(P + "<int:plan_id>/versions/<int:version_no>/approvals/", views.approve, name="approve"),
]
