"""Evaluation runs from the page (R-EVAL-3): the form checks the specification in the user's language and
starts nothing on bad input; a run goes queued → running → done (or failed with its reason); researchers and
the ministry see runs and their files, other roles get 403; only a run's own files are served."""

import datetime as dt
import json
from urllib.parse import quote, unquote

import pytest
from django.contrib.auth import get_user_model
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils import translation

from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.evaluation import services, spec, views
from kuntakokeilu.evaluation.forms import RunForm, initial_from
from kuntakokeilu.evaluation.models import EvaluationRun, RunStatus

pytestmark = pytest.mark.django_db
TODAY = dt.date(2022, 9, 1)
USERS = {
    "case_worker": "aino.virtanen",
    "approver": "mikko.korhonen",
    "area_manager": "juha.heikkinen",
    "te_office": "sanna.makinen",
    "ely": "kaisa.jarvinen",
    "applicant": "pekka.nieminen",
    "ministry": "elina.laine",
    "researcher": "tuomas.koskinen",
    "admin": "admin",
}
ALLOWED = {"researcher", "ministry"}
# A small, quick specification (a few seconds): one variant, no randomisation inference.
QUICK = {
    **spec.load(),
    "name": "quick",
    "sample": {"start": "2018-01", "end": "2022-12"},
    "weights": ["none"],
    "variants": ["baseline"],
    "inference": {"trial_area": ["CRV1"], "randomisation_reps": 0},
    "placebo": {"starts": ["2019-03"], "end": "2020-02"},
}


@pytest.fixture
def users(settings, tmp_path):
    settings.KUNTAKOKEILU_TODAY = TODAY
    settings.EVALUATION_RUNS_DIR = tmp_path / "runs"
    ensure_demo_users()
    return {role: get_user_model().objects.get(username=name) for role, name in USERS.items()}


def form_data(**changes):
    data = {**initial_from(spec.load()), **changes}
    return {k: v for k, v in data.items() if v is not None}


# --- the form --------------------------------------------------------------------------------------------


@pytest.mark.nodb
def test_the_default_specification_prefills_a_valid_form():
    form = RunForm(data=form_data())
    assert form.is_valid(), form.errors
    assert form.specification == spec.load()


@pytest.mark.nodb
@pytest.mark.parametrize(
    ("lang", "changes", "field", "text"),
    [
        ("fi", {"sample_start": "2015-13"}, "sample_start", "”2015-13” ei ole kuukausi muodossa VVVV-KK."),
        ("sv", {"sample_start": "2015-13"}, "sample_start", "”2015-13” är inte en månad i formen ÅÅÅÅ-MM."),
        ("en", {"treatment_start": "2024-01"}, "treatment_start", "The start must fall inside the sample"),
        ("fi", {"variants": ["covid_excluded"]}, "variants", "Muunnelmiin on sisällyttävä baseline."),
        ("sv", {"weights": []}, "weights", "Välj minst ett av: none, labour_force."),
        ("en", {"placebo_starts": "2017-03, 2022-03"}, "placebo_starts", "Placebo start dates must fall"),
        ("en", {"placebo_starts": "2017-3x"}, "placebo_starts", "“2017-3x” is not a month"),
        ("fi", {"randomisation_reps": 10**6}, "randomisation_reps", "Anna kokonaisluku 0–9999."),
    ],
)
def test_bad_input_is_refused_at_its_field_in_the_users_language(lang, changes, field, text):
    with translation.override(lang):
        form = RunForm(data=form_data(**changes))
        assert not form.is_valid()
        assert any(e.startswith(text) for e in form.errors[field]), form.errors


# --- the run's lifecycle -----------------------------------------------------------------------------------


def test_a_run_goes_from_queued_to_done_with_its_files_and_headline(users, settings, monkeypatch):
    steps = []
    original = services._update
    monkeypatch.setattr(
        services, "_update", lambda pk, **f: (steps.append(f.get("progress")), original(pk, **f))
    )
    run = EvaluationRun.objects.create(created_by=users["researcher"], spec=QUICK, output_dir="run-x")
    assert run.status == RunStatus.QUEUED
    services.execute(run.pk)
    run.refresh_from_db()
    assert (run.status, run.progress, run.step, run.error) == (RunStatus.DONE, 100, "done", "")
    results = json.loads((run.output_path() / "results.json").read_text(encoding="utf-8"))
    assert run.headline == results["estimates"][0]
    assert run.headline["variant"] == "baseline" and run.headline["inference"] == "CRV1 by municipality"
    assert {p.name for p in run.output_path().iterdir()} >= {"report.html", "report.pdf", "event_study.svg"}
    reported = [p for p in steps if p is not None]
    assert reported == sorted(reported) and reported[-1] == 100 and len(reported) >= 5


def test_a_failing_spec_marks_the_run_failed_with_the_message_in_the_submitters_language(users):
    bad = {**QUICK, "treatment": {"start": "2030-01"}}
    run = EvaluationRun.objects.create(
        created_by=users["researcher"], spec=bad, language="sv", output_dir="r"
    )
    services.execute(run.pk)
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED
    assert run.error == "treatment.start: Starten måste ligga inom urvalet, efter dess första månad."
    assert run.finished_at is not None and run.headline is None


def test_an_unexpected_error_also_ends_the_run(users, monkeypatch):
    monkeypatch.setattr("kuntakokeilu.evaluation.runner.check_data_file", lambda: 1 / 0)
    run = EvaluationRun.objects.create(created_by=users["ministry"], spec=QUICK, output_dir="r")
    services.execute(run.pk)
    run.refresh_from_db()
    assert (run.status, run.error) == (RunStatus.FAILED, "ZeroDivisionError: division by zero")


def fake_runner(monkeypatch, headline):
    """The runner's steps replaced by a result with the given headline row (no files written)."""
    results = {"estimates": [{"name": "twfe", "variant": "baseline", **headline}]}
    monkeypatch.setattr("kuntakokeilu.evaluation.runner.run", lambda *args, progress: results)
    monkeypatch.setattr("kuntakokeilu.evaluation.report.write_all", lambda results, out, **languages: None)


def test_a_headline_with_nan_or_infinity_is_stored_with_nulls(users, monkeypatch):
    """R-EVAL-3: PostgreSQL's JSON refuses NaN, so a degenerate estimate must not leave the run unsaved."""
    nan, inf = float("nan"), float("inf")
    fake_runner(monkeypatch, {"estimate": nan, "se": inf, "ci": [-inf, 0.5], "n": 3})
    run = EvaluationRun.objects.create(created_by=users["researcher"], spec=QUICK, output_dir="r")
    services.execute(run.pk)
    run.refresh_from_db()
    assert run.status == RunStatus.DONE
    assert run.headline == {
        "name": "twfe",
        "variant": "baseline",
        "estimate": None,
        "se": None,
        "ci": [None, 0.5],
        "n": 3,
    }


def test_a_failure_in_the_final_update_marks_the_run_failed(users, monkeypatch):
    """R-EVAL-3: no failure, not even in recording the result, leaves a run `running`."""
    fake_runner(monkeypatch, {"estimate": 0.1})
    original = services._update

    def update(pk, **fields):
        if fields.get("status") == RunStatus.DONE:
            raise RuntimeError("the database went away")
        original(pk, **fields)

    monkeypatch.setattr(services, "_update", update)
    run = EvaluationRun.objects.create(created_by=users["researcher"], spec=QUICK, output_dir="r")
    services.execute(run.pk)
    run.refresh_from_db()
    assert (run.status, run.error) == (RunStatus.FAILED, "RuntimeError: the database went away")
    assert run.finished_at is not None and run.headline is None


# --- the pages for each role -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", sorted(USERS))
@pytest.mark.parametrize("url", ["/evaluation/", "/evaluation/new/"])
def test_only_researchers_and_the_ministry_see_the_pages(users, client, role, url):
    """R-X-1: the catalogue's evaluation actions; ELY officials are not among them."""
    client.force_login(users[role])
    assert client.get(url).status_code == (200 if role in ALLOWED else 403)


def test_anonymous_users_are_sent_to_sign_in(users, client):
    assert client.get("/evaluation/").status_code == 302


def test_invalid_input_starts_nothing(users, client):
    client.force_login(users["researcher"])
    response = client.post("/evaluation/new/", form_data(sample_end="kesäkuu"), HTTP_ACCEPT_LANGUAGE="fi")
    assert response.status_code == 200
    assert "”kesäkuu” ei ole kuukausi muodossa VVVV-KK." in response.content.decode()
    assert not EvaluationRun.objects.exists()


def test_a_valid_form_starts_a_run_and_shows_it(users, client, django_capture_on_commit_callbacks):
    client.force_login(users["ministry"])
    data = form_data(**initial_from(spec.validate(QUICK)))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/evaluation/new/", data)
    run = EvaluationRun.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/evaluation/runs/{run.pk}/"
    assert (run.status, run.created_by, run.spec) == (RunStatus.DONE, users["ministry"], spec.validate(QUICK))
    page = client.get(response["Location"]).content.decode()
    assert f"/evaluation/runs/{run.pk}/files/report.html" in page
    listing = client.get("/evaluation/").content.decode()
    assert f"{run.headline['estimate']:.3f}".replace(".", ",") in listing


def test_a_running_run_refreshes_itself_without_inline_script(users, client):
    run = EvaluationRun.objects.create(
        created_by=users["researcher"], spec=QUICK, status=RunStatus.RUNNING, progress=40, step="placebos"
    )
    client.force_login(users["researcher"])
    page = client.get(f"/evaluation/runs/{run.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<script src="/static/evaluation/refresh.js"></script>' in page
    assert 'value="40"' in page and "Placebo start dates" in page
    assert "<script>" not in page


# --- serving the files -------------------------------------------------------------------------------------


@pytest.fixture
def done_run(users, settings):
    run = EvaluationRun.objects.create(
        created_by=users["researcher"], spec=QUICK, status=RunStatus.DONE, output_dir="run-1"
    )
    folder = settings.EVALUATION_RUNS_DIR / "run-1"
    folder.mkdir(parents=True)
    for name in ("report.html", "report.pdf", "results.json", "event_study.png", "event_study.svg"):
        (folder / name).write_bytes(b"<p>" + name.encode() + b"</p>")
    (folder / "other.txt").write_text("not served")
    (settings.EVALUATION_RUNS_DIR / "secret.txt").write_text("not served")
    return run


def test_the_report_opens_and_the_pdf_downloads(client, users, done_run):
    client.force_login(users["ministry"])
    html = client.get(f"/evaluation/runs/{done_run.pk}/files/report.html")
    assert html.status_code == 200 and html["Content-Type"].startswith("text/html")
    assert b"".join(html.streaming_content) == b"<p>report.html</p>"
    assert "'unsafe-inline'" in html["Content-Security-Policy"].split("style-src")[1].split(";")[0]
    assert "script-src 'self'" in html["Content-Security-Policy"]
    pdf = client.get(f"/evaluation/runs/{done_run.pk}/files/report.pdf")
    assert b"".join(pdf.streaming_content) == b"<p>report.pdf</p>"
    assert pdf["Content-Type"] == "application/pdf" and pdf["Content-Disposition"].startswith("attachment")
    results = client.get(f"/evaluation/runs/{done_run.pk}/files/results.json")
    assert b"".join(results.streaming_content) == b"<p>results.json</p>"
    assert results["Content-Type"] == "application/json"
    assert "unsafe-inline" not in results["Content-Security-Policy"]


def test_a_reader_gets_the_report_in_their_own_language(client, users, done_run, settings):
    """Issue 15 item 2: the run wrote its report in the submitter's language (fi) and the others beside it;
    a Swedish reader gets the Swedish one, an English reader without an English file the run's own, and
    the results file is the one results.json whatever the language."""
    folder = settings.EVALUATION_RUNS_DIR / "run-1"
    (folder / "sv").mkdir()
    (folder / "sv" / "report.html").write_text("<p>sv</p>")
    (folder / "sv" / "results.json").write_text("{}")
    client.force_login(users["ministry"])

    def served(name, lang):
        response = client.get(f"/evaluation/runs/{done_run.pk}/files/{name}", HTTP_ACCEPT_LANGUAGE=lang)
        return b"".join(response.streaming_content)

    assert done_run.language == "fi"
    assert served("report.html", "sv") == b"<p>sv</p>"
    assert served("report.html", "fi") == b"<p>report.html</p>"
    assert served("report.html", "en") == b"<p>report.html</p>"
    assert served("report.pdf", "sv") == b"<p>report.pdf</p>"  # none in Swedish: the run's own
    assert served("results.json", "sv") == b"<p>results.json</p>"


@pytest.fixture
def view_calls(monkeypatch):
    """The pks `views.run_file` looked up: proof that a request reached the view, not only the router."""
    calls = []
    real = views.get_object_or_404

    def spy(model, **lookup):
        calls.append(lookup["pk"])
        return real(model, **lookup)

    monkeypatch.setattr(views, "get_object_or_404", spy)
    return calls


def plant(folder, name: str) -> None:
    """A file where `name` leads from the run's folder, so that only the view's refusal keeps it unserved."""
    if "\x00" in name:
        return
    target = (folder / name).resolve()
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("not served")


def get_file(client, pk: int, written: str, name: str):
    """GET the file route with `written` in the URL; it must reach `views.run_file` with `name` decoded."""
    response = client.get(f"/evaluation/runs/{pk}/files/{written}")
    assert response.resolver_match.view_name == "evaluation:file"
    assert response.resolver_match.kwargs == {"pk": pk, "name": name}
    return response


# Names the route's <str:name> accepts (no slash once decoded), so the view itself must refuse them.
@pytest.mark.parametrize(
    "written, name",
    [
        ("other.txt", "other.txt"),  # a file in the run's folder that is not one of the run's files
        ("report.htm", "report.htm"),
        ("%2E%2E", ".."),  # the runs folder itself
        (".", "."),  # the run's folder
        ("..%5Csecret.txt", "..\\secret.txt"),
        ("..%252Fsecret.txt", "..%2Fsecret.txt"),  # encoded twice: decoded once, as a server does
        ("report.html%00", "report.html\x00"),
        ("report.html%20", "report.html "),
        ("REPORT.HTML", "REPORT.HTML"),
    ],
)
def test_other_names_reach_the_view_and_are_not_served(
    client, users, done_run, view_calls, settings, written, name
):
    plant(settings.EVALUATION_RUNS_DIR / "run-1", name)
    client.force_login(users["researcher"])
    served = get_file(client, done_run.pk, "report.html", "report.html")  # the same route shape is served
    assert b"".join(served.streaming_content) == b"<p>report.html</p>"
    assert get_file(client, done_run.pk, written, name).status_code == 404
    assert view_calls == [done_run.pk, done_run.pk]


# Names with a slash once decoded: the router answers 404 before any view (<str:name> has no slash), and
# the view refuses them too if it ever gets them (its own check on the resolved path).
@pytest.mark.parametrize(
    "name",
    ["../secret.txt", "../../run-1/report.html", "/etc/passwd", "../run-1/other.txt", "sub/report.html"],
)
def test_names_with_a_slash_are_refused_by_the_router_and_by_the_view(
    rf, client, users, done_run, settings, name
):
    plant(settings.EVALUATION_RUNS_DIR / "run-1", name)
    url = f"/evaluation/runs/{done_run.pk}/files/{quote(name, safe='')}"
    client.force_login(users["researcher"])
    assert client.get(url).status_code == 404
    with pytest.raises(Resolver404):
        resolve(unquote(url))
    request = rf.get(url)
    request.user = users["researcher"]
    with pytest.raises(Http404):
        views.run_file(request, pk=done_run.pk, name=name)
    served = views.run_file(request, pk=done_run.pk, name="report.html")  # the same call serves a run's file
    with served.file_to_stream:
        assert b"".join(served.streaming_content) == b"<p>report.html</p>"


@pytest.mark.parametrize("escape", ["output_dir", "linked_folder", "linked_file"])
def test_files_outside_the_runs_folder_are_not_served(client, users, done_run, settings, tmp_path, escape):
    """The view's own check on the resolved path: a run's folder or file that leads out of the runs folder."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "report.html").write_text("<p>outside</p>")
    if escape == "output_dir":
        EvaluationRun.objects.filter(pk=done_run.pk).update(output_dir="../outside")
    elif escape == "linked_folder":
        (settings.EVALUATION_RUNS_DIR / "run-2").symlink_to(outside, target_is_directory=True)
        EvaluationRun.objects.filter(pk=done_run.pk).update(output_dir="run-2")
    else:
        report = settings.EVALUATION_RUNS_DIR / "run-1" / "report.html"
        report.unlink()
        report.symlink_to(outside / "report.html")
    client.force_login(users["researcher"])
    assert client.get(f"/evaluation/runs/{done_run.pk}/files/report.html").status_code == 404
    pdf = client.get(f"/evaluation/runs/{done_run.pk}/files/report.pdf")  # inside: served only there
    pdf.close()
    assert pdf.status_code == (200 if escape == "linked_file" else 404)


def test_files_of_an_unfinished_run_are_not_served(client, users, done_run):
    EvaluationRun.objects.filter(pk=done_run.pk).update(status=RunStatus.RUNNING)
    client.force_login(users["researcher"])
    assert client.get(f"/evaluation/runs/{done_run.pk}/files/report.html").status_code == 404


@pytest.mark.parametrize("role", sorted(set(USERS) - ALLOWED))
def test_other_roles_get_no_files(client, users, done_run, role):
    client.force_login(users[role])
    assert client.get(f"/evaluation/runs/{done_run.pk}/files/report.html").status_code == 403


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_run_page_shows_its_settings_as_a_table_by_name(users, client, lang):
    """R-EVAL-3, issue 15: the run's settings are named rows in the reader's language, not raw JSON."""
    from django.utils import translation

    from kuntakokeilu.evaluation.forms import RunForm, spec_rows

    run = EvaluationRun.objects.create(created_by=users["researcher"], spec=spec.validate(QUICK))
    client.force_login(users["researcher"])
    page = client.get(f"/evaluation/runs/{run.pk}/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    with translation.override(lang):
        rows = spec_rows(run.spec)
        outcome = str(RunForm.base_fields["outcome"].label)
    assert rows and any(str(name) == outcome for name, _value in rows)
    assert f'<th scope="row">{outcome}</th>' in page
    assert "unemployed_jobseekers" not in page.split("<details>")[0]
