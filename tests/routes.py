"""The whole URL configuration as a list of routes, for the tests that walk it (R-X-1):
tests/test_routes_declare_actions.py and tests/access/test_url_matrix.py."""

from django.urls import URLPattern, URLResolver, get_resolver

from kuntakokeilu.api.permissions import Catalogue


def walk(patterns, prefix="", namespace=""):
    """(route, "view" or "admin", the pattern, its URL name with namespaces) for every route."""
    for p in patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":
                yield prefix + str(p.pattern), "admin", p, "admin:index"
                continue
            inner = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from walk(p.url_patterns, prefix + str(p.pattern), inner)
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), "view", p, f"{namespace}{p.name}"


def view_class(callback):
    """The DRF view class behind a route, or None for a function view."""
    cls = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    return cls if cls is not None and hasattr(cls, "permission_classes") else None


def declared_action(callback):
    cls = view_class(callback)
    if cls is not None:
        assert Catalogue in cls.permission_classes, f"{cls} does not ask the catalogue"
        return getattr(cls, "kk_action", None)
    return getattr(callback, "kk_action", None)


def routes():
    return list(walk(get_resolver().url_patterns))
