"""The REST API (R-INT-3): every route names its action in the catalogue (R-X-1)."""

from django.urls import path

from . import accounts, docs, regions
from . import applications as applications_api
from . import customers as customers_api
from . import decisions as decisions_api
from . import service_process as service_process_api
from . import service_process_assessments as assessments_api
from . import transfers as transfers_api

app_name = "api"
urlpatterns = [
    path("schema/", docs.SchemaView.as_view(), name="schema"),
    path("docs/", docs.DocsView.as_view(), name="docs"),
    path("v1/municipalities/", regions.MunicipalityList.as_view(), name="municipality-list"),
    path("v1/municipalities/<str:code>/", regions.MunicipalityDetail.as_view(), name="municipality-detail"),
    path("v1/trial-areas/", regions.TrialAreaList.as_view(), name="trial-area-list"),
    path("v1/trial-areas/<str:number>/", regions.TrialAreaDetail.as_view(), name="trial-area-detail"),
    path("v1/me/", accounts.Me.as_view(), name="me"),
    # --- customers ---
    path("v1/persons/search/", customers_api.PersonSearch.as_view(), name="person-search"),
    path(
        "v1/persons/search/te-office-customers/",
        customers_api.TeOfficeCustomerSearch.as_view(),
        name="person-search-te-office",
    ),
    path("v1/persons/<uuid:person_id>/", customers_api.PersonDetail.as_view(), name="person-detail"),
    path("v1/persons/<uuid:person_id>/facts/", customers_api.PersonFacts.as_view(), name="person-facts"),
    # --- applications ---
    path("v1/applications/", applications_api.ApplicationList.as_view(), name="application-list"),
    path(
        "v1/applications/<str:application_id>/",
        applications_api.ApplicationDetail.as_view(),
        name="application-detail",
    ),
    path("v1/screening/", applications_api.Screening.as_view(), name="screening"),
    # --- customers: transfers (issue 6) ---
    path(
        "v1/persons/<uuid:person_id>/customerships/",
        transfers_api.PersonCustomerships.as_view(),
        name="person-customerships",
    ),
    path(
        "v1/persons/<uuid:person_id>/notices/", transfers_api.PersonNotices.as_view(), name="person-notices"
    ),
    path(
        "v1/persons/<uuid:person_id>/notices/<int:notice_id>/",
        transfers_api.NoticeDetail.as_view(),
        name="notice-detail",
    ),
    path(
        "v1/persons/<uuid:person_id>/notices/<int:notice_id>/pdf/",
        transfers_api.NoticePdf.as_view(),
        name="notice-pdf",
    ),
    path("v1/transfers/due/", transfers_api.DueTransferList.as_view(), name="due-transfers"),
    path(
        "v1/transfers/due/<int:due_id>/complete/",
        transfers_api.DueTransferComplete.as_view(),
        name="complete-transfer",
    ),
    path(
        "v1/transfers/due/<int:due_id>/keep/", transfers_api.DueTransferKeep.as_view(), name="keep-transfer"
    ),
    path("v1/transfer-requests/", transfers_api.TransferRequestList.as_view(), name="transfer-requests"),
    path(
        "v1/transfer-requests/<int:request_id>/answer/",
        transfers_api.TransferRequestAnswer.as_view(),
        name="transfer-request-answer",
    ),
    path(
        "v1/transfer-requests/<int:request_id>/decide/",
        transfers_api.TransferRequestDecide.as_view(),
        name="transfer-request-decide",
    ),
    path(
        "v1/transfer-requests/<int:request_id>/decision/",
        transfers_api.TransferRequestDecision.as_view(),
        name="transfer-request-decision",
    ),
    path(
        "v1/transfer-requests/<int:request_id>/decision/pdf/",
        transfers_api.TransferRequestDecisionPdf.as_view(),
        name="transfer-request-decision-pdf",
    ),
    path(
        "v1/trial-areas/<int:number>/customer-counts/",
        transfers_api.TrialAreaCustomerCounts.as_view(),
        name="trial-area-customer-counts",
    ),
    # --- service process: the service-need assessment (issue 16 item 4) ---
    path(
        "v1/persons/<uuid:person_id>/assessments/",
        assessments_api.PersonAssessments.as_view(),
        name="person-assessments",
    ),
    # --- service process (issue 16 item 5) ---
    path(
        "v1/persons/<uuid:person_id>/deadlines/",
        service_process_api.PersonDeadlines.as_view(),
        name="person-deadlines",
    ),
    path(
        "v1/persons/<uuid:person_id>/meetings/",
        service_process_api.PersonMeetings.as_view(),
        name="person-meetings",
    ),
    path("v1/service/worklist/", service_process_api.ServiceWorklist.as_view(), name="service-worklist"),
    path(
        "v1/trial-areas/<int:number>/service-points/",
        service_process_api.TrialAreaServicePoints.as_view(),
        name="trial-area-service-points",
    ),
    # --- decisions: benefit decisions (issue 18 item 2) ---
    path(
        "v1/persons/<uuid:person_id>/decisions/",
        decisions_api.PersonDecisions.as_view(),
        name="person-decisions",
    ),
    path("v1/decisions/<int:decision_id>/", decisions_api.DecisionDetail.as_view(), name="decision"),
    path(
        "v1/decisions/<int:decision_id>/accept/",
        decisions_api.DecisionAccept.as_view(),
        name="decision-accept",
    ),
    path(
        "v1/decisions/<int:decision_id>/cancel/",
        decisions_api.DecisionCancel.as_view(),
        name="decision-cancel",
    ),
    path(
        "v1/decisions/<int:decision_id>/correct/",
        decisions_api.DecisionCorrect.as_view(),
        name="decision-correct",
    ),
]
