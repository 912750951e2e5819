"""Issue 15 item 2 (R-X-8): every page a demo role reaches from its home page, in Finnish and in Swedish,
speaks that language: no English word of the stop list (tests/glossary.py) and no ISO date (2022-09-01) in
the text a user reads. One database, the demo's users, rounds and job seekers after the initial transfer;
the crawl follows same-site links (GET) breadth-first, at most PAGES_PER_ROLE pages per role and language.

Left out on purpose: the API and its Swagger UI (a developer tool), files (PDF, CSV, SVG), the language
switch's own option names, code examples in <code>/<pre>, and the administration site (Django's own pages,
checked by tests/test_translations.py for our labels)."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import deque
from urllib.parse import urljoin, urlparse

import pytest
from django.contrib.auth import get_user_model

from kuntakokeilu.access.demo import DEMO_USERS, ensure_demo_users
from kuntakokeilu.applications.demo import ensure_open_round
from kuntakokeilu.applications.rounds import load_rounds
from kuntakokeilu.customers.demo import demo_csv
from kuntakokeilu.customers.importer import import_job_seekers
from kuntakokeilu.customers.transfers import initial
from kuntakokeilu.evaluation import spec as evaluation_spec
from kuntakokeilu.evaluation.models import EvaluationRun
from kuntakokeilu.whatif import demo as whatif_demo
from tests.glossary import english_words

pytestmark = pytest.mark.django_db
TODAY = "2022-09-01"
PAGES_PER_ROLE = 40
# One page per shape of URL (/trial-areas/1/ and /trial-areas/2/ are one shape), so the budget covers kinds.
SHAPE = re.compile(r"[0-9a-f]{8}-[0-9a-f-]{27}|\d+")
CODE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")  # snake_case: a code shown instead of its name
SKIP = re.compile(r"^/(api/|admin/|static/|media/|sign-out/|i18n/)|\.(pdf|csv|svg|png|json)$|/pdf/$|/files/")
ISO_DATE = re.compile(r"\b(19|20)\d\d-[01]\d-[0-3]\d\b")
HIDDEN = re.compile(
    r"<(script|style|code|pre|select|template)\b.*?</\1>|<!--.*?-->", re.DOTALL | re.IGNORECASE
)

# A run's headline as the runner stores it (evaluation/services.headline): codes, the method's English name.
HEADLINE = {
    "name": "twfe",
    "variant": "baseline",
    "weights": "none",
    "inference": "CRV1 by municipality",
    "estimate": -0.108,
    "ci_low": -0.366,
    "ci_high": 0.15,
}


@pytest.fixture
def world(settings):
    settings.KUNTAKOKEILU_TODAY = TODAY
    ensure_demo_users()
    load_rounds()
    ensure_open_round(dt.date.fromisoformat(TODAY))
    import_job_seekers(demo_csv(dt.date.fromisoformat(TODAY)), source="demo")
    initial(dt.date(2021, 3, 1))
    list(whatif_demo.run(dt.date.fromisoformat(TODAY)))  # a stored what-if with its results
    researcher = get_user_model().objects.get(username="tuomas.koskinen")
    spec = evaluation_spec.load(evaluation_spec.DEFAULT_SPEC)
    EvaluationRun.objects.create(
        created_by=researcher, spec=spec, status="done", progress=100, headline=HEADLINE
    )
    EvaluationRun.objects.create(
        created_by=researcher, spec=spec, status="running", progress=40, step="placebo"
    )


def visible_text(page: str) -> str:
    body = page.split("<body", 1)[-1]
    return html.unescape(re.sub(r"<[^>]+>", " ", HIDDEN.sub(" ", body)))


def links(page: str, here: str) -> list[str]:
    found = []
    for href in re.findall(r'<a\s[^>]*href="([^"#]+)', page):
        url = urlparse(urljoin(here, html.unescape(href)))
        if url.netloc in ("", "testserver") and not SKIP.search(url.path):
            found.append(url.path + (f"?{url.query}" if url.query else ""))
    return found


def crawl(client, lang: str) -> dict[str, list[str]]:
    """{url: problems} for the pages reached from the home page."""
    problems: dict[str, list[str]] = {}
    queue, seen = deque(["/"]), {"/"}
    shapes: set[str] = set()
    while queue and len(problems) < PAGES_PER_ROLE:
        url = queue.popleft()
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=lang)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        page = response.content.decode()
        text = visible_text(page)
        problems[url] = [
            *sorted(english_words(text)),
            *(m.group(0) for m in ISO_DATE.finditer(text)),
            *sorted(set(CODE.findall(text))),
        ]
        for link in links(page, url):
            shape = SHAPE.sub("#", link.split("?")[0])
            if link not in seen and shape not in shapes:
                seen.add(link)
                shapes.add(shape)
                queue.append(link)
    return problems


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("username", [row[0] for row in DEMO_USERS])
def test_every_page_speaks_the_users_language(world, client, settings, username, lang):
    """R-X-8: no English and no ISO date on a fi/sv page, for every demo role."""
    client.force_login(get_user_model().objects.get(username=username))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    found = crawl(client, lang)
    assert len(found) >= 3, found  # the crawl reached the role's pages
    failing = {url: words for url, words in found.items() if words}
    assert not failing
