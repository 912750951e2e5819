"""Schemathesis over the API's own OpenAPI description (R-INT-3, R-X-3, R-X-1): every operation is called with
generated requests, valid (positive) and invalid (negative), through WSGI in the test's transaction.

Checked for every case: no 5xx (not_a_server_error); the response conforms to the description (status code,
content type, headers, body) and valid data is accepted, invalid data rejected (schemathesis's checks). As an
anonymous caller, every operation that is not public answers 401 with `WWW-Authenticate`, and no public one
asks for credentials. As the case worker aino.virtanen (Helsinki), on the demo data, with the real ids of the
demo's persons, notices, transfers and applications among the generated ones. Mutating calls within a test
accumulate; that is fine: nothing may answer 5xx whatever came before.

A negative case whose path no longer matches a route (e.g. a person id that is no UUID) is answered by the
site's 404 page, not by the API: only that it is a 404 is checked then. The number of cases run is printed at
the end of the run (tests/fuzzing.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import Resolver404, resolve
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from rest_framework.authtoken.models import Token
from schemathesis.core.result import Ok
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from kuntakokeilu.access.actions import get_action
from kuntakokeilu.wsgi import application
from tests.fuzzing import CASES, bounded

pytestmark = pytest.mark.django_db

POSITIVE, NEGATIVE = GenerationMode.POSITIVE, GenerationMode.NEGATIVE
EXAMPLES = {POSITIVE: 20, NEGATIVE: 12}  # per operation and mode: ~1,700 cases in all, well within a minute
DEMO_TODAY = dt.date(2022, 9, 1)  # the demo's "today" (Makefile): the pilot runs


@contextlib.contextmanager
def connection_kept_open():
    """The WSGI handler closes the database connection when a request finishes (as a server would); in a
    test that would end the test's transaction, so the signal is held off, as Django's test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def load_schema():
    """The description as served at /api/schema/ (YAML), loaded through WSGI: no network, no server."""
    schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
    operations = []
    for result in schema.get_all_operations():
        assert isinstance(result, Ok), f"the description has an operation schemathesis cannot read: {result}"
        operations.append(result.ok())
    assert len(operations) >= 20, [op.label for op in operations]
    return operations


def api_view(path: str):
    """The API view a concrete path resolves to, or None when it matches no route."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return getattr(match.func, "view_class", None) if match.namespace == "api" else None


def run(operations, target: str, *, headers: dict, real_ids: dict | None = None, check=None) -> None:
    """Every operation in both modes; all failures are gathered and reported together."""
    failures = []
    for operation in operations:
        for mode in (POSITIVE, NEGATIVE):
            strategies = [operation.as_strategy(mode)]
            names = {p.name for p in operation.path_parameters}
            for values in (real_ids or {}).get(frozenset(names), []):
                strategies.append(operation.as_strategy(mode, path_parameters=values))
            count = 0

            @given(case=st.one_of(strategies))
            @bounded(EXAMPLES[mode])
            def fuzz(case):
                nonlocal count
                count += 1
                response = case.call(headers=headers)
                view = api_view(case.formatted_path)
                if view is None:  # a negative path parameter that matches no route: the site's 404 page
                    assert response.status_code == 404, (case.formatted_path, response.status_code)
                elif mode is POSITIVE:
                    case.validate_response(
                        response, headers=headers, excluded_checks=[positive_data_acceptance]
                    )
                    valid_data_accepted_or_refused_by_a_field(case, response)
                else:
                    case.validate_response(response, headers=headers)
                if check:
                    check(case, response, view)

            try:
                fuzz()
            except Unsatisfiable:  # negative mode of an operation with nothing to make invalid
                assert mode is NEGATIVE and count == 0, operation.label
            except BaseException as exc:  # schemathesis raises an exception group: gather every operation's
                failures.append(f"{operation.label} ({mode.value}): {exc}")
            CASES[target] += count
    assert not failures, "\n\n".join(failures)


def valid_data_accepted_or_refused_by_a_field(case, response) -> None:
    """Schemathesis's positive_data_acceptance, less what no schema can say: data of the right shape that a
    domain rule refuses (an unknown municipality code, a date outside the pilot, a query of spaces) is a 400
    whose error names the field (R-X-3), as the description documents."""
    if response.status_code == 400:
        error = json.loads(response.content)["error"]
        assert error.get("fields"), (case.method, case.formatted_path, error)
    else:
        assert response.status_code < 400 or response.status_code in (401, 403, 404, 409), (
            case.method,
            case.formatted_path,
            response.status_code,
        )


def anonymous_check(case, response, view) -> None:
    """R-X-1: an anonymous caller gets 401 (with a challenge) on every operation that is not public."""
    if view is None:
        return
    if get_action(view.kk_action).public:
        assert response.status_code not in (401, 403), (case.formatted_path, response.status_code)
    else:
        assert response.status_code == 401, (case.method, case.formatted_path, response.status_code)
        assert response.headers.get("www-authenticate") == ["Token"]


def test_anonymous_gets_401_everywhere_but_the_public_operations_and_nothing_breaks():
    """R-X-1, R-X-3, R-INT-3: as an anonymous caller."""
    with connection_kept_open():
        run(load_schema(), "schemathesis anonymous", headers={}, check=anonymous_check)


@pytest.fixture
def demo_data(settings):
    """The demo as `make run` loads it (every app's demo step, settings.DEMO_STEPS) on the demo's date."""
    import importlib

    from kuntakokeilu.applications.models import Application, ApplicationStatus, Round
    from kuntakokeilu.regions.models import Municipality

    settings.KUNTAKOKEILU_TODAY = DEMO_TODAY.isoformat()
    for module_name in settings.DEMO_STEPS:
        for _line in importlib.import_module(module_name).run(DEMO_TODAY):
            pass
    # The demo has rounds but no application: Loviisa's, submitted in the supplementary round of 2020.
    application = Application.objects.create(
        round=Round.objects.get(code="supplementary-2020"),
        name="Loviisa",
        lead=Municipality.objects.get(code="434"),
        status=ApplicationStatus.SUBMITTED,
        premises="Kaupungintalo",
    )
    application.municipalities.set(Municipality.objects.filter(code="434"))


def _decision_ids() -> list[int]:
    from kuntakokeilu.decisions.models import Decision

    return list(Decision.objects.order_by("pk").values_list("pk", flat=True)[:4])


def real_ids() -> dict:
    """Path parameters that name real objects of the demo (and some another municipality's), by the set of
    parameter names of an operation."""
    from kuntakokeilu.applications.models import Application
    from kuntakokeilu.customers.models import DueTransfer, Notice, Person, TransferRequest

    persons = [str(pk) for pk in Person.objects.order_by("henkilotunnus").values_list("pk", flat=True)[:6]]
    notices = Notice.objects.order_by("pk").values_list("customership__person_id", "pk")[:4]
    return {
        frozenset({"person_id"}): [{"person_id": p} for p in persons],
        frozenset({"person_id", "notice_id"}): [{"person_id": str(p), "notice_id": n} for p, n in notices],
        frozenset({"due_id"}): [
            {"due_id": pk} for pk in DueTransfer.objects.values_list("pk", flat=True)[:4]
        ],
        frozenset({"request_id"}): [
            {"request_id": pk} for pk in TransferRequest.objects.values_list("pk", flat=True)[:4]
        ],
        frozenset({"application_id"}): [
            {"application_id": str(pk)} for pk in Application.objects.values_list("pk", flat=True)[:4]
        ],
        frozenset({"number"}): [{"number": n} for n in (1, 7, 25)],  # 1: Helsinki's area
        # issue 18 item 2: the demo's benefit decisions (Kajaani's and Porvoo's: another municipality's)
        frozenset({"decision_id"}): [{"decision_id": pk} for pk in _decision_ids()],
        frozenset({"code"}): [{"code": c} for c in ("091", "638", "478")],  # Helsinki, Porvoo, Maarianhamina
    }


def test_case_worker_breaks_nothing_and_gets_what_the_description_says(demo_data):
    """R-X-3, R-INT-3: as the case worker aino.virtanen (Helsinki) with an API token."""
    from django.contrib.auth import get_user_model

    token = Token.objects.create(user=get_user_model().objects.get(username="aino.virtanen"))
    ids = real_ids()
    assert all(ids.values()), {tuple(k): v for k, v in ids.items() if not v}  # the demo has each kind
    with connection_kept_open():
        run(
            load_schema(),
            "schemathesis case worker",
            headers={"Authorization": f"Token {token.key}"},
            real_ids=ids,
        )
