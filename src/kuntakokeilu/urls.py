"""Root URLs: one include per app, each under its own comment; append yours, never rewrite another's.

Every view declares its action in the catalogue (access/actions.py); tests/test_routes_declare_actions.py
checks all of them.
"""

from django.urls import include, path

from kuntakokeilu.access import urls as access_urls

urlpatterns = [
    # --- web: home page, language switch, the public pages of trial areas and municipalities ---
    path("", include("kuntakokeilu.web.urls")),
    # --- access: sign-in, staff management, the administration site ---
    path("", include("kuntakokeilu.access.urls")),
    *access_urls.admin_urlpatterns,
    # --- api ---
    path("api/", include("kuntakokeilu.api.urls")),
    # --- customers: job seekers, the access log and access requests ---
    path("", include("kuntakokeilu.customers.urls")),
    # --- applications: rounds, applications, screening and selection ---
    path("", include("kuntakokeilu.applications.urls")),
    # --- evaluation: impact evaluation runs and their reports ---
    path("", include("kuntakokeilu.evaluation.urls")),
    # --- jobs: the admins' list of background tasks ---
    path("", include("kuntakokeilu.jobs.urls")),
    # --- whatif: the policy what-if ---
    path("", include("kuntakokeilu.whatif.urls")),
    # --- service_process: a job seeker's deadlines and meetings (issue 16) ---
    path("", include("kuntakokeilu.service_process.urls")),
    # --- cooperation: the trial area's regional co-operation network (R-SP-9) ---
    path("", include("kuntakokeilu.cooperation.urls")),
    # --- referrals: a job seeker's services and participation (issue 17 item 3) ---
    path("", include("kuntakokeilu.referrals.urls")),
    # --- statements: labour-policy statements, notices to the TE office and reminders (issue 17 item 5) ---
    path("", include("kuntakokeilu.statements.urls")),
    # --- funding: quotas, state staff and own funding (issue 18 items 3 and 5) ---
    path("", include("kuntakokeilu.funding.urls")),
    # --- decisions: benefit decisions prepared, accepted, printed, corrected (issue 18 item 2) ---
    path("", include("kuntakokeilu.decisions.urls")),
]

# --- employers: employers, vacancies, presentations and job offers (issue 17 item 4) ---
urlpatterns += [path("", include("kuntakokeilu.employers.urls"))]

# --- plans: a job seeker's plans, their versions, letters and approvals (issue 17 item 1) ---
urlpatterns += [path("", include("kuntakokeilu.plans.urls"))]

# --- publicstats: the public comparison series, pilots vs the rest of mainland Finland (issue 19) ---
urlpatterns += [path("", include("kuntakokeilu.publicstats.urls"))]

# --- retention: the admins' page of retention runs (issue 20 item 3) ---
urlpatterns += [path("", include("kuntakokeilu.retention.urls"))]

# --- exchange: export and import jobs of the exchange formats (issue 20 item 1) ---
urlpatterns += [path("", include("kuntakokeilu.exchange.urls"))]

# --- monitoring: the trial areas' monthly figures and their close (issue 19) ---
urlpatterns += [path("", include("kuntakokeilu.monitoring.urls"))]
