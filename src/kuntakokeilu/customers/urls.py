from django.urls import path

from .views import administration, counts, due_transfers, notices, persons, request_letters, transfer_requests

app_name = "customers"
urlpatterns = [
    path("job-seekers/", persons.search, name="search"),
    path("job-seekers/import/", administration.import_file, name="import"),
    path("job-seekers/import/format/", administration.import_format, name="import-format"),  # issue 15
    path("job-seekers/<uuid:person_id>/", persons.person, name="person"),
    path("job-seekers/<uuid:person_id>/facts/<int:fact_id>/correct/", persons.correct, name="correct"),
    path("job-seekers/<uuid:person_id>/notices/<int:notice_id>/", notices.notice, name="notice"),
    path("access-log/", administration.access_log, name="access-log"),
    path("access-request/", administration.access_request, name="access-request"),
    # --- due transfers (worklist, R-TG-4) ---
    path("transfers/due/", due_transfers.due_transfers, name="due-transfers"),
    path("transfers/due/<int:due_id>/complete/", due_transfers.complete_transfer, name="complete-transfer"),
    path("transfers/due/<int:due_id>/keep/", due_transfers.keep_transfer, name="keep-transfer"),  # issue 14
    # --- notice PDFs and customer counts (issue 6) ---
    path("job-seekers/<uuid:person_id>/notices/<int:notice_id>/pdf/", notices.notice_pdf, name="notice-pdf"),
    path("transfers/areas/counts/", counts.customer_counts_index, name="customer-counts-index"),
    path("transfers/areas/<int:area_no>/counts/", counts.customer_counts, name="customer-counts"),
    # --- transfer requests (R-TG-5) ---
    path(
        "job-seekers/<uuid:person_id>/requests/new/", transfer_requests.record_request, name="record-request"
    ),
    path("transfers/requests/", transfer_requests.open_requests, name="transfer-requests"),
    path("transfers/requests/<int:request_id>/decision/", request_letters.decision, name="request-decision"),
    path(
        "transfers/requests/<int:request_id>/decision/pdf/",
        request_letters.decision_pdf,
        name="request-decision-pdf",
    ),
    path(
        "transfers/requests/<int:request_id>/answer/", transfer_requests.answer_request, name="answer-request"
    ),
    path(
        "transfers/requests/<int:request_id>/decide/", transfer_requests.decide_request, name="decide-request"
    ),
]
