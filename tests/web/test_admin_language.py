"""The administration site speaks the administrator's language (issue 15 item 2, R-X-8): the index, each
model's list and its add form in Finnish and in Swedish carry no English word of the stop list — the
libraries' models (the job queue's results, API tokens) included, whose labels the project translates in
its own catalogues."""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model

from kuntakokeilu.access.demo import ensure_demo_users
from tests.glossary import english_words
from tests.web.test_crawl_language import visible_text


@pytest.fixture
def admin_client(db, client, settings):
    ensure_demo_users()
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


def admin_pages() -> list[str]:
    pages = ["/admin/"]
    for model in admin.site._registry:
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        pages += [base, base + "add/"]
    return pages


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_administration_site_has_no_english(admin_client, settings, lang):
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    failing = {}
    for url in admin_pages():
        response = admin_client.get(url, HTTP_ACCEPT_LANGUAGE=lang)
        if response.status_code != 200:
            continue  # e.g. a model without an add form (403)
        page = response.content.decode()
        page = re.sub(r"<body[^>]*>", "<body>", page)  # the body tag's classes are not text
        text = visible_text(page).replace("<unknown>", "")  # django-axes' stored value for a missing header
        words = english_words(text)
        if words:
            failing[url] = sorted(words)
    assert not failing
