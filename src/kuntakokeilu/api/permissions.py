"""The API asks the same catalogue of actions as the pages (R-X-1, R-INT-3).

Every API view sets `kk_action = "app.action"`; object-level checks pass the object to the catalogue.
A view without `kk_action` is refused (and fails tests/test_routes_declare_actions.py).
"""

from rest_framework.permissions import BasePermission

from kuntakokeilu.access.actions import can


class Catalogue(BasePermission):
    def has_permission(self, request, view) -> bool:
        code = getattr(view, "kk_action", None)
        if code is None:
            return False
        action_obj = view.get_kk_object() if hasattr(view, "get_kk_object") else None
        return can(request.user, code, action_obj)

    def has_object_permission(self, request, view, obj) -> bool:
        return can(request.user, view.kk_action, obj)
