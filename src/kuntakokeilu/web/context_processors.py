from kuntakokeilu import clock

from .navigation import links_for


def navigation(request):
    """The shell's links: the parts of the system the user's roles may use today."""
    return {"nav_links": links_for(request.user, clock.today())}
