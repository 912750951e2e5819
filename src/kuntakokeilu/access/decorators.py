"""Declaring a page's action: `@requires("app.action", get_object=...)` on every view.

One rule for every page that concerns an object (R-X-1, R-X-2): a signed-in caller whom the catalogue
refuses gets the same 404 page as for an object that does not exist, so a page never tells whether a person,
a notice or an application exists. Pages without an object answer a refusal with 403. An anonymous caller
of a staff page is sent to sign in before anything is looked up.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from .actions import can, get_action


def requires(code: str, get_object=None):
    """The view runs only if the catalogue allows `code` (on the object `get_object(request, **kwargs)`
    returns, which the view then receives instead of the URL's keyword arguments)."""
    action = get_action(code)  # an undeclared action fails at import, not at the first request

    def decorate(view):
        @wraps(view)
        def guarded(request, *args, **kwargs):
            if not action.public and not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            obj = get_object(request, **kwargs) if get_object else None
            if not can(request.user, code, obj):
                if get_object:
                    raise Http404  # the same answer as for an object that does not exist
                raise PermissionDenied
            if get_object:
                return view(request, obj)
            return view(request, *args, **kwargs)

        guarded.kk_action = code  # type: ignore[attr-defined]
        guarded.kk_get_object = get_object  # type: ignore[attr-defined]
        return guarded

    return decorate
