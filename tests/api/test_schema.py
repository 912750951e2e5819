"""The OpenAPI description (R-INT-3) and its Swagger UI, public (R-X-1: action api.view_schema), served under
the strict Content-Security-Policy (R-X-6: no inline scripts)."""

import re

import pytest
import yaml
from django.contrib.staticfiles import finders
from django.urls import get_resolver
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from kuntakokeilu.api.base import ON_PATTERN

pytestmark = pytest.mark.django_db

PUBLIC = {
    "/api/v1/municipalities/",
    "/api/v1/municipalities/{code}/",
    "/api/v1/trial-areas/",
    "/api/v1/trial-areas/{number}/",
}
STAFF = {"/api/v1/me/"}
# --- customers --- (personal data: GET detail and facts, POST search)
PERSONS = {
    "/api/v1/persons/search/",
    "/api/v1/persons/search/te-office-customers/",  # issue 14: who is the TE office's
    "/api/v1/persons/{person_id}/",
    "/api/v1/persons/{person_id}/facts/",
    "/api/v1/persons/{person_id}/assessments/",  # issue 16 item 4: the service-need assessment
}
# --- applications --- (GET list and detail, POST screening)
APPLICATIONS = {"/api/v1/applications/", "/api/v1/applications/{application_id}/", "/api/v1/screening/"}
# --- customers: transfers (issue 6) ---
TRANSFERS = {
    "/api/v1/persons/{person_id}/customerships/",
    "/api/v1/persons/{person_id}/notices/",
    "/api/v1/persons/{person_id}/notices/{notice_id}/",
    "/api/v1/persons/{person_id}/notices/{notice_id}/pdf/",
    "/api/v1/transfers/due/",
    "/api/v1/transfers/due/{due_id}/complete/",
    "/api/v1/transfers/due/{due_id}/keep/",  # issue 14
    "/api/v1/transfer-requests/",
    "/api/v1/transfer-requests/{request_id}/answer/",
    "/api/v1/transfer-requests/{request_id}/decide/",
    "/api/v1/transfer-requests/{request_id}/decision/",
    "/api/v1/transfer-requests/{request_id}/decision/pdf/",
    "/api/v1/trial-areas/{number}/customer-counts/",
}
# --- service process (issue 16 item 5) ---
SERVICE_PROCESS = {
    "/api/v1/persons/{person_id}/deadlines/",
    "/api/v1/persons/{person_id}/meetings/",
    "/api/v1/service/worklist/",
    "/api/v1/trial-areas/{number}/service-points/",
}
# --- cooperation: the regional co-operation network (R-SP-9) ---
COOPERATION = {
    "/api/v1/trial-areas/{number}/network/members/",
    "/api/v1/trial-areas/{number}/network/meetings/",
}
# --- employers (issue 17 item 4) ---
EMPLOYERS = {
    "/api/v1/employers/",
    "/api/v1/employers/{employer_id}/vacancies/",
    "/api/v1/vacancies/{vacancy_id}/presentations/",
    "/api/v1/persons/{person_id}/consents/",
    "/api/v1/persons/{person_id}/job-offers/",
    "/api/v1/persons/{person_id}/job-offers/{offer_id}/outcome/",
}
# issue 17 items 3 and 6: a person's services, one referral's events, why the job search ended
SERVICE_PROCESS |= {
    "/api/v1/persons/{person_id}/services/",
    *(
        f"/api/v1/persons/{{person_id}}/services/{{referral_id}}/{event}/"
        for event in ("start", "end", "interrupt", "refuse", "select")
    ),
    "/api/v1/persons/{person_id}/job-search-end/",
}
# --- statements (issue 17 item 5) ---
STATEMENTS = {
    "/api/v1/persons/{person_id}/benefit-events/",
    "/api/v1/statements/",
    "/api/v1/statements/{statement_id}/status/",
    "/api/v1/statement-notices/",
    "/api/v1/statement-notices/{te_notice_id}/status/",
    "/api/v1/te-office/notices/",
    "/api/v1/te-office/notices/{te_notice_id}/acknowledge/",
}
# --- plans (issue 17 item 1) ---
PLANS = {
    "/api/v1/persons/{person_id}/plans/",
    "/api/v1/persons/{person_id}/plans/{plan_id}/versions/",
    "/api/v1/persons/{person_id}/plans/{plan_id}/versions/{version_no}/approvals/",
}
# issue 18 items 3, 5 and 6: allocations, quotas, own funding and person-years
FUNDING = {
    "/api/v1/funding/allocations/",
    "/api/v1/funding/elys/{ely_code}/quotas/",
    "/api/v1/funding/elys/{ely_code}/quota-adjustments/",
    "/api/v1/funding/areas/{number}/own-funding/",
    "/api/v1/funding/areas/{number}/person-years/",
    "/api/v1/funding/areas/{number}/payments/",
    "/api/v1/funding/areas/{number}/quota-use/",
    "/api/v1/funding/elys/{ely_code}/quota-use/",
    "/api/v1/funding/quota-use/",
}
# --- benefit decisions (issue 18 item 2) ---
DECISIONS = {
    "/api/v1/persons/{person_id}/decisions/",
    "/api/v1/decisions/{decision_id}/",
    "/api/v1/decisions/{decision_id}/accept/",
    "/api/v1/decisions/{decision_id}/cancel/",
    "/api/v1/decisions/{decision_id}/correct/",
}

# --- public statistics (issue 19 item 6): no sign-in ---
STATISTICS = {"/api/v1/statistics/groups/", "/api/v1/statistics/comparison/"}

# --- exchange (issue 20 item 1): the formats under the API docs (public), the jobs (admins) ---
EXCHANGE = {
    "/api/docs/formats/",
    "/api/docs/formats/{schema_name}",
    "/api/v1/exchange/jobs/",
    "/api/v1/exchange/jobs/{job_id}/",
}

EVERY = PUBLIC | STAFF | PERSONS | APPLICATIONS | TRANSFERS | SERVICE_PROCESS
EVERY |= COOPERATION | EMPLOYERS | STATEMENTS | PLANS | FUNDING | DECISIONS
EVERY |= STATISTICS
# --- retention: the status of retention runs (issue 20 item 3) ---
RETENTION = {"/api/v1/retention/runs/", "/api/v1/retention/runs/{run_id}/"}
EVERY |= RETENTION
EVERY |= EXCHANGE
# --- monitoring: a trial area's months and a month's values (issue 19) ---
MONITORING = {
    "/api/v1/trial-areas/{number}/monitoring/months/",
    "/api/v1/trial-areas/{number}/monitoring/months/{month}/",
}
EVERY |= MONITORING


def api_routes():
    """Every route under api/ but the description itself, written as OpenAPI paths."""
    resolver = get_resolver().url_patterns
    api = next(p for p in resolver if getattr(p, "namespace", None) == "api")
    routes = {"/api/" + re.sub(r"<\w+:(\w+)>", r"{\1}", str(p.pattern)) for p in api.url_patterns}
    return routes - {"/api/schema/", "/api/docs/"}


def test_generated_schema_is_valid_openapi_3_and_covers_every_route():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(schema)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == EVERY == api_routes()


def test_schema_documents_parameters_responses_and_security():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    for path in PUBLIC | STAFF:
        operation = schema["paths"][path]["get"]
        assert "200" in operation["responses"]
        assert {} in operation["security"] if path in PUBLIC else {} not in operation["security"]
        assert "Action `" in operation["description"]
    for path in ("/api/v1/municipalities/", "/api/v1/municipalities/{code}/"):
        on = next(p for p in schema["paths"][path]["get"]["parameters"] if p["name"] == "on")
        assert on["in"] == "query"
        assert on["schema"] == {"type": "string", "format": "date", "pattern": ON_PATTERN}
        assert {"400"} <= set(schema["paths"][path]["get"]["responses"])
    assert {"401", "403"} <= set(schema["paths"]["/api/v1/me/"]["get"]["responses"])
    assert {"tokenAuth", "cookieAuth"} <= set(schema["components"]["securitySchemes"])


def test_schema_endpoint_serves_the_same_valid_description(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    schema = yaml.safe_load(response.content)
    validate_schema(schema)
    assert set(schema["paths"]) == EVERY


def test_docs_page_loads_its_scripts_from_urls_only(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) is None, "an inline script"
    assert "<style" not in html, "an inline style"
    sources = re.findall(r'<(?:script src|link rel="stylesheet" href)="([^"]+)"', html)
    assert len(sources) == 4
    for source in sources:
        if source.startswith("/static/"):
            assert finders.find(source.removeprefix("/static/")), source


def test_docs_init_script_is_javascript_pointing_at_the_schema(client):
    html = client.get("/api/docs/").content.decode()
    script_url = next(s for s in re.findall(r'<script src="([^"]+)"', html) if not s.startswith("/static/"))
    response = client.get(script_url.replace("&amp;", "&"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle(" in response.content.decode()
    assert '"/api/schema/"' in response.content.decode()
