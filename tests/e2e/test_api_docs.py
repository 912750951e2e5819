"""A system integrator reads the API description in the browser (R-INT-3): Swagger UI runs under the
strict Content-Security-Policy with its own assets (no network beyond this server)."""

import pytest

from tests.e2e.conftest import check_accessibility

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.e2e]


def test_the_api_docs_show_every_endpoint(page):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto("/api/docs/")
    page.locator(".opblock").first.wait_for()
    text = page.locator("body").inner_text()
    for path in (
        "/api/v1/municipalities/",
        "/api/v1/municipalities/{code}/",
        "/api/v1/trial-areas/",
        "/api/v1/me/",
    ):
        assert path in text
    assert not [e for e in errors if "Content Security Policy" in e], errors
    # Swagger UI itself (a developer tool from a library) fails colour contrast and nests controls:
    # checked around it, a known gap written down in docs/architecture.md.
    check_accessibility(page, exclude=["#swagger-ui"])
