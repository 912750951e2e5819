"""Declaring a page's action: `@requires("app.action", get_object=...)` on every view."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from .actions import can, get_action


def requires(code: str, get_object=None):
    """The view runs only if the catalogue allows `code` (on the object `get_object(request, **kwargs)`
    returns, which the view then receives instead of the URL's keyword arguments)."""
    get_action(code)  # an undeclared action fails at import, not at the first request

    def decorate(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            obj = get_object(request, **kwargs) if get_object else None
            if not can(request.user, code, obj):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied
            if get_object:
                return view(request, obj)
            return view(request, *args, **kwargs)

        guarded.kk_action = code  # type: ignore[attr-defined]
        return guarded

    return decorate
