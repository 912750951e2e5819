from django.urls import path

from . import views

app_name = "decisions"
urlpatterns = [
    path("job-seekers/<uuid:person_id>/decisions/", views.person_decisions, name="person"),
    path("job-seekers/<uuid:person_id>/decisions/new/", views.prepare, name="prepare"),
    path("decisions/", views.worklist, name="worklist"),
    path("decisions/templates/", views.templates, name="templates"),
    path("decisions/<int:decision_id>/", views.decision, name="decision"),
    path("decisions/<int:decision_id>/letter.pdf", views.letter_pdf, name="letter-pdf"),
    path("decisions/<int:decision_id>/accept/", views.accept, name="accept"),
    path("decisions/<int:decision_id>/cancel/", views.cancel, name="cancel"),
    path("decisions/<int:decision_id>/correct/", views.correct, name="correct"),
    path("funding/areas/<int:area_no>/payments/import/", views.payments_import, name="payments-import"),
]
