"""The employer side's navigation labels (translated in this app's catalogue)."""

from django.utils.translation import gettext_lazy as _

NAV_EMPLOYERS = _("Employers and vacancies")
NAV_EMPLOYERS_HELP = _("Employers, vacancies from their assignments and the job seekers presented to them.")
