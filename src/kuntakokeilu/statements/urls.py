from django.urls import path

from . import views

app_name = "statements"
urlpatterns = [
    path("job-seekers/<uuid:person_id>/service/statements/", views.person, name="person"),
    path("job-seekers/<uuid:person_id>/service/statements/events/", views.record, name="record"),
    path("statements/", views.worklist, name="worklist"),
    path("statements/events/<int:event_id>/statement/", views.ask_statement, name="ask-statement"),
    path("statements/statements/<int:statement_id>/", views.statement, name="statement"),
    path("statements/statements/<int:statement_id>/pdf/", views.statement_pdf, name="statement-pdf"),
    path("statements/statements/<int:statement_id>/status/", views.statement_status, name="statement-status"),
    path("statements/notices/<int:te_notice_id>/", views.notice, name="notice"),
    path("statements/notices/<int:te_notice_id>/status/", views.notice_status, name="notice-status"),
    path("statements/reminders/<int:reminder_id>/", views.reminder, name="reminder"),
    path("statements/reminders/<int:reminder_id>/pdf/", views.reminder_pdf, name="reminder-pdf"),
    path("te-office/notices/", views.te_notices, name="te-notices"),
    path("te-office/notices/<int:te_notice_id>/", views.te_notice, name="te-notice"),
    path(
        "te-office/notices/<int:te_notice_id>/acknowledge/",
        views.te_notice_acknowledge,
        name="te-notice-acknowledge",
    ),
]
