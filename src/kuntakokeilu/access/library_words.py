"""Words of the libraries on the administration site that access owns — Django's admin (messages newer than
its Finnish and Swedish catalogues) and django-axes (sign-in throttling, no fi/sv catalogue) — listed so that
`make messages` finds them and this app's catalogue translates them (issue 15). Django takes a message from
the first app in `INSTALLED_APPS` that translates it, and the project's apps come first. Nothing imports this
module at run time.
"""

from django.utils.translation import gettext_lazy as _

DJANGO_ADMIN = [
    _("Model name"),
    _("Add link"),
    _("Change or view list link"),
    _("After you’ve created a user, you’ll be able to edit more user options."),
]
AXES = [
    _("Access Attempt"),
    _("Access lock out"),
    _("Attempt Remaining"),
    _("Attempt Time"),
    _("Clean up expired attempts"),
    _("Expires At"),
    _("Failed Logins"),
    _("Form Data"),
    _("GET Data"),
    _("HTTP Accept"),
    _("IP Address"),
    _("Locked Out"),
    _("Logout Time"),
    _("Meta Data"),
    _("Not set"),
    _("POST Data"),
    _("Path"),
    _("Session key hash (sha256)"),
    _("The time when access attempt expires and is no longer valid."),
    _("User Agent"),
    _("Username"),
    _("access attempt expiration"),
    _("access attempt expirations"),
    _("access attempt"),
    _("access attempts"),
    _("access failure"),
    _("access failures"),
    _("access log"),
    _("access logs"),
]
