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
    # --- due transfers (worklist, R-TG-4) ---
    path("transfers/due/", views.due_transfers, name="due-transfers"),
    path("transfers/due/<int:due_id>/complete/", views.complete_transfer, name="complete-transfer"),
    # --- notice PDFs and customer counts (issue 6) ---
    path("job-seekers/<uuid:person_id>/notices/<int:notice_id>/pdf/", views.notice_pdf, name="notice-pdf"),
    path("transfers/areas/counts/", views.customer_counts_index, name="customer-counts-index"),
    path("transfers/areas/<int:area_no>/counts/", views.customer_counts, name="customer-counts"),
    # --- transfer requests (R-TG-5) ---
    path("job-seekers/<uuid:person_id>/requests/new/", views.record_request, name="record-request"),
    path("transfers/requests/", views.transfer_requests, name="transfer-requests"),
    path("transfers/requests/<int:request_id>/answer/", views.answer_request, name="answer-request"),
    path("transfers/requests/<int:request_id>/decide/", views.decide_request, name="decide-request"),
]
