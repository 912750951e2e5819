"""The REST API (R-INT-3): every route names its action in the catalogue (R-X-1)."""

from django.urls import path

from . import accounts, docs, regions
from . import applications as applications_api
from . import cooperation as cooperation_api
from . import customers as customers_api
from . import decisions as decisions_api
from . import exchange as exchange_api  # issue 20 item 1
from . import funding as funding_api
from . import referrals as referrals_api  # issue 17 item 3
from . import service_process as service_process_api
from . import service_process_assessments as assessments_api
from . import transfers as transfers_api
from .service_process import job_search_end as job_search_end_api  # issue 17 item 6

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
    # --- cooperation: the trial area's regional co-operation network (R-SP-9) ---
    path(
        "v1/trial-areas/<int:number>/network/members/",
        cooperation_api.NetworkMembers.as_view(),
        name="network-members",
    ),
    path(
        "v1/trial-areas/<int:number>/network/meetings/",
        cooperation_api.NetworkMeetings.as_view(),
        name="network-meetings",
    ),
]

# --- employers: employers, vacancies, presentations, a job seeker's consents and job offers (issue 17 item 4)
from . import employers as employers_api  # noqa: E402

urlpatterns += [
    path("v1/employers/", employers_api.EmployerList.as_view(), name="employers"),
    path(
        "v1/employers/<int:employer_id>/vacancies/",
        employers_api.EmployerVacancies.as_view(),
        name="employer-vacancies",
    ),
    path(
        "v1/vacancies/<int:vacancy_id>/presentations/",
        employers_api.VacancyPresentations.as_view(),
        name="vacancy-presentations",
    ),
    path(
        "v1/persons/<uuid:person_id>/consents/",
        employers_api.PersonConsents.as_view(),
        name="person-consents",
    ),
    path(
        "v1/persons/<uuid:person_id>/job-offers/",
        employers_api.PersonJobOffers.as_view(),
        name="person-job-offers",
    ),
    path(
        "v1/persons/<uuid:person_id>/job-offers/<int:offer_id>/outcome/",
        employers_api.PersonJobOfferOutcome.as_view(),
        name="person-job-offer-outcome",
    ),
    # --- referrals: a job seeker's services (issue 17 item 3); why a job search ended (item 6) ---
    path(
        "v1/persons/<uuid:person_id>/services/",
        referrals_api.PersonServices.as_view(),
        name="person-services",
    ),
    *(
        path(
            f"v1/persons/<uuid:person_id>/services/<int:referral_id>/{event}/",
            referrals_api.event_view(event),
            name=f"person-services-{event}",
        )
        for event in ("start", "end", "interrupt", "refuse", "select")
    ),
    path(
        "v1/persons/<uuid:person_id>/job-search-end/",
        job_search_end_api.PersonJobSearchEnd.as_view(),
        name="person-job-search-end",
    ),
]

# --- statements: benefit events, labour-policy statements, notices to the TE office (issue 17 item 5) ---
from . import statements as statements_api  # noqa: E402

urlpatterns += [
    path(
        "v1/persons/<uuid:person_id>/benefit-events/",
        statements_api.PersonBenefitEvents.as_view(),
        name="person-benefit-events",
    ),
    path("v1/statements/", statements_api.StatementList.as_view(), name="statements"),
    path(
        "v1/statements/<int:statement_id>/status/",
        statements_api.StatementStatus.as_view(),
        name="statement-status",
    ),
    path("v1/statement-notices/", statements_api.NoticeList.as_view(), name="statement-notices"),
    path(
        "v1/statement-notices/<int:te_notice_id>/status/",
        statements_api.NoticeStatus.as_view(),
        name="statement-notice-status",
    ),
    path("v1/te-office/notices/", statements_api.TeOfficeNotices.as_view(), name="te-office-notices"),
    path(
        "v1/te-office/notices/<int:te_notice_id>/acknowledge/",
        statements_api.TeOfficeAcknowledge.as_view(),
        name="te-office-notice-acknowledge",
    ),
]

# --- plans (issue 17 item 1, R-SP-5) ---
from . import plans as plans_api  # noqa: E402

urlpatterns += [
    path("v1/persons/<uuid:person_id>/plans/", plans_api.PersonPlans.as_view(), name="person-plans"),
    path(
        "v1/persons/<uuid:person_id>/plans/<int:plan_id>/versions/",
        plans_api.PlanVersions.as_view(),
        name="plan-versions",
    ),
    path(
        "v1/persons/<uuid:person_id>/plans/<int:plan_id>/versions/<int:version_no>/approvals/",
        plans_api.PlanApprovals.as_view(),
        name="plan-approvals",
    ),
    # --- funding: allocations, quotas, own funding and person-years (issue 18 items 3, 5 and 6) ---
    path("v1/funding/allocations/", funding_api.Allocations.as_view(), name="funding-allocations"),
    path(
        "v1/funding/elys/<str:ely_code>/quotas/", funding_api.ElyQuotas.as_view(), name="funding-ely-quotas"
    ),
    path(
        "v1/funding/elys/<str:ely_code>/quota-adjustments/",
        funding_api.ElyQuotaAdjustments.as_view(),
        name="funding-ely-quota-adjustments",
    ),
    path(
        "v1/funding/areas/<int:number>/own-funding/",
        funding_api.AreaOwnFunding.as_view(),
        name="funding-area-own-funding",
    ),
    path(
        "v1/funding/areas/<int:number>/person-years/",
        funding_api.AreaPersonYears.as_view(),
        name="funding-area-person-years",
    ),
    path(
        "v1/funding/areas/<int:number>/payments/",
        funding_api.AreaPayments.as_view(),
        name="funding-area-payments",
    ),
    path(
        "v1/funding/areas/<int:number>/quota-use/",
        funding_api.AreaQuotaUse.as_view(),
        name="funding-area-quota-use",
    ),
    path(
        "v1/funding/elys/<str:ely_code>/quota-use/",
        funding_api.ElyQuotaUse.as_view(),
        name="funding-ely-quota-use",
    ),
    path("v1/funding/quota-use/", funding_api.QuotaUseAcrossElys.as_view(), name="funding-quota-use"),
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

# --- publicstats: the public comparison series, pilots vs the rest of mainland Finland (issue 19) ---
from . import statistics as statistics_api  # noqa: E402

urlpatterns += [
    path("v1/statistics/groups/", statistics_api.StatisticsGroups.as_view(), name="statistics-groups"),
    path(
        "v1/statistics/comparison/",
        statistics_api.StatisticsComparison.as_view(),
        name="statistics-comparison",
    ),
]

# --- retention: the status of retention runs (issue 20 item 3, R-X-4) ---
from . import retention as retention_api  # noqa: E402

urlpatterns += [
    path("v1/retention/runs/", retention_api.RetentionRuns.as_view(), name="retention-runs"),
    path("v1/retention/runs/<int:run_id>/", retention_api.RetentionRunDetail.as_view(), name="retention-run"),
]

# --- exchange: the exchange formats under the API docs, and export and import jobs (issue 20 item 1) ---
urlpatterns += [
    path("docs/formats/", exchange_api.Formats.as_view(), name="exchange-formats"),
    path("docs/formats/<str:schema_name>", exchange_api.FormatSchema.as_view(), name="exchange-format"),
    path("v1/exchange/jobs/", exchange_api.JobList.as_view(), name="exchange-jobs"),
    path("v1/exchange/jobs/<uuid:job_id>/", exchange_api.JobDetail.as_view(), name="exchange-job"),
]

# --- monitoring: a trial area's months and a month's values (issue 19) ---
from . import monitoring as monitoring_api  # noqa: E402

urlpatterns += [
    path(
        "v1/trial-areas/<int:number>/monitoring/months/",
        monitoring_api.MonitoringMonths.as_view(),
        name="monitoring-months",
    ),
    path(
        "v1/trial-areas/<int:number>/monitoring/months/<str:month>/",
        monitoring_api.MonitoringMonth.as_view(),
        name="monitoring-month",
    ),
]
