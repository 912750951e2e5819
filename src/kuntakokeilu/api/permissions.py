"""The API asks the same catalogue of actions as the pages (R-X-1, R-INT-3).

Every API view sets `kk_action = "app.action"`; object-level checks pass the object to the catalogue.
A view without `kk_action` is refused (and fails tests/test_routes_declare_actions.py). An anonymous caller of
a staff action is refused (401) before the view looks anything up. A signed-in caller whom the catalogue
refuses an object (the view's `get_kk_object`, or an object permission) gets the view's own answer for a
missing object, byte for byte (R-X-2: the API never tells whether a person or a notice exists); a refusal
without an object is 403. A caller with no role that may take the action is refused before any lookup
(a request body naming an object is not read).
"""

from rest_framework.exceptions import NotFound
from rest_framework.permissions import BasePermission

from kuntakokeilu.access.actions import can, get_action


class Catalogue(BasePermission):
    def has_permission(self, request, view) -> bool:
        code = getattr(view, "kk_action", None)
        if code is None:
            return False
        if not get_action(code).public and not request.user.is_authenticated:
            return False  # 401 before any lookup: an anonymous caller learns nothing of what exists
        if not can(request.user, code):  # no role that may take it: refused before any lookup
            return _refuse(view, bool(view.kwargs) and hasattr(view, "get_kk_object"))
        action_obj = view.get_kk_object() if hasattr(view, "get_kk_object") else None
        return _allowed(request, view, action_obj)

    def has_object_permission(self, request, view, obj) -> bool:
        return _allowed(request, view, obj)


def _allowed(request, view, obj) -> bool:
    if can(request.user, view.kk_action, obj):
        return True
    return _refuse(view, obj is not None)


def _refuse(view, as_not_found: bool) -> bool:
    """A refusal: the view's 404 for a missing object where the request names an object, else 403."""
    if as_not_found:
        raise view.object_not_found() if hasattr(view, "object_not_found") else NotFound()
    return False
