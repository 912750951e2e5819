"""Every page and API route declares its action in the one catalogue (R-X-1).

Walks the whole URL configuration: function views carry `kk_action` (set by `access.decorators.requires`),
class-based API views a `kk_action` attribute and the catalogue's permission class, and the administration
site is the catalogue-guarded site. A route that declares nothing, or an action missing from the catalogue,
fails here.
"""

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver

from kuntakokeilu.access.actions import CATALOGUE
from kuntakokeilu.access.admin_site import KuntakokeiluAdminSite
from kuntakokeilu.api.permissions import Catalogue

pytestmark = pytest.mark.nodb


def walk(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":
                yield prefix + str(p.pattern), "admin", p
                continue
            yield from walk(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), "view", p


def declared_action(callback):
    view_class = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if view_class is not None and hasattr(view_class, "permission_classes"):  # a DRF view
        assert Catalogue in view_class.permission_classes, f"{view_class} does not ask the catalogue"
        return getattr(view_class, "kk_action", None)
    return getattr(callback, "kk_action", None)


ROUTES = list(walk(get_resolver().url_patterns))


def test_the_walk_finds_pages_api_and_admin():
    kinds = {kind for _route, kind, _p in ROUTES}
    routes = {route for route, _kind, _p in ROUTES}
    assert kinds == {"view", "admin"}
    assert {"sign-in/", "trial-areas/", "api/v1/municipalities/"} <= routes


@pytest.mark.parametrize(("route", "kind", "pattern"), ROUTES, ids=[r for r, _k, _p in ROUTES])
def test_route_declares_a_catalogued_action(route, kind, pattern):
    if kind == "admin":
        assert isinstance(admin.site, KuntakokeiluAdminSite)
        assert admin.site.kk_action in CATALOGUE
        return
    action = declared_action(pattern.callback)
    assert action is not None, f"{route} declares no action"
    assert action in CATALOGUE, f"{route} declares {action!r}, which is not in the catalogue"


def test_every_action_has_a_label():
    for action in CATALOGUE.values():
        assert str(action.label)
