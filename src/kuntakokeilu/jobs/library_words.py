"""The job-queue libraries' words on the administration site (django-tasks' statuses, django-tasks-db's task
results), listed so that `make messages` finds them and this app's catalogue translates them (issue 15): the
libraries ship no Finnish or Swedish catalogue, and Django takes a message from the first app in
`INSTALLED_APPS` that translates it — the project's apps come first. Nothing imports this module at run time.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

WORDS = [
    _("Task Result"),
    _("Task Results"),
    _("status"),
    _("enqueued at"),
    _("started at"),
    _("finished at"),
    _("args kwargs"),
    _("priority"),
    _("task path"),
    _("worker id"),
    _("queue name"),
    _("backend name"),
    _("run after"),
    _("return value"),
    _("exception class path"),
    _("traceback"),
    pgettext_lazy("Task", "Ready"),
    pgettext_lazy("Task", "Running"),
    pgettext_lazy("Task", "Failed"),
    pgettext_lazy("Task", "Successful"),
]
