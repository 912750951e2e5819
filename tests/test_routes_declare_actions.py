"""Every page and API route declares its action in the one catalogue (R-X-1).

Walks the whole URL configuration: function views carry `kk_action` (set by `access.decorators.requires`),
class-based API views a `kk_action` attribute and the catalogue's permission class, and the administration
site is the catalogue-guarded site. A route that declares nothing, or an action missing from the catalogue,
fails here.
"""

import pytest
from django.contrib import admin

from kuntakokeilu.access.actions import CATALOGUE
from kuntakokeilu.access.admin_site import KuntakokeiluAdminSite
from tests.routes import declared_action, routes

pytestmark = pytest.mark.nodb


ROUTES = [(route, kind, pattern) for route, kind, pattern, _name in routes()]


def test_the_walk_finds_pages_api_and_admin():
    kinds = {kind for _route, kind, _p in ROUTES}
    paths = {route for route, _kind, _p in ROUTES}
    assert kinds == {"view", "admin"}
    assert {"sign-in/", "trial-areas/", "api/v1/municipalities/"} <= paths


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
