"""The statements app's navigation labels (translated in this app's catalogue)."""

from django.utils.translation import gettext_lazy as _

NAV_STATEMENTS = _("Statements and notices")
NAV_STATEMENTS_HELP = _(
    "Labour-policy statements to Kela and the funds and notices to the TE office, by deadline."
)
NAV_TE_NOTICES = _("Notices from trial municipalities")
NAV_TE_NOTICES_HELP = _("Notices of events whose labour-policy statement is the TE office's.")
