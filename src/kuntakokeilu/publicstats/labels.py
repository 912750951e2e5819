"""The words the web shell's navigation shows for the public statistics (in this app's catalogue)."""

from django.utils.translation import gettext_lazy as _

NAV_STATISTICS = _("Public statistics")
NAV_STATISTICS_HELP = _("Unemployment and vacancies in the trial areas beside the rest of mainland Finland.")
