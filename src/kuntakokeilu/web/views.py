from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from kuntakokeilu import clock
from kuntakokeilu.access.actions import can
from kuntakokeilu.access.decorators import requires

from . import queries
from .home_counts import home_counts
from .navigation import links_for
from .reference import trial_area_list


@requires("web.view_public")
def home(request):
    """Signed-in staff: what each role has today. Everyone else: the public list of trial areas."""
    if not can(request.user, "web.view_home"):
        return trial_area_list(request)
    today = clock.today()
    return render(
        request,
        "web/home.html",
        {
            "today": today,
            "scopes": queries.home_scopes(request.user, today),
            "counts": home_counts(request.user, today),  # issue 15: what waits for the user today
            "links": links_for(request.user, today),
        },
    )


@require_POST
@requires("web.set_language")
def set_language(request):
    """Django's language switch; a signed-in user's choice is also kept in their profile."""
    response = django_set_language(request)
    language = request.POST.get("language")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        from kuntakokeilu.access.services import set_user_language

        set_user_language(request.user, language)
        translation.activate(language)
    return response
