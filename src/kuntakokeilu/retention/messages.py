"""Words of the retention app that other apps show: catalogue labels, the navigation link."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "retention.view_runs": _("See the retention runs and their counts"),
    "retention.run": _("Start a retention run"),
}
NAV_RETENTION = _("Retention runs")
NAV_RETENTION_HELP = _("Anonymise the data of customerships ended more than the retention period ago.")

# what a run clears (`services.CLEARED`), in words for the page
CLEARED_TEXTS = (
    _(
        "Job seeker: the identity code is replaced by a token, the names are cleared and the date of birth "
        "is kept as its year."
    ),
    _("Recorded facts: the source and the reason for a correction."),
    _("Due transfers and exceptions to the initial transfer: the explanation of keeping with the TE office."),
    _("Meetings: the participants and the notes."),
    _("Service-need assessments: the free-text descriptions."),
    _("Reported applications: the employer and the job title."),
    _("Reasons for the end of a job search: the free text."),
    _("Written consents to be presented: the document."),
    _("Job offers: the reason given for the refusal."),
    _("Services: the explanation of an interruption."),
    _("Labour-policy statements and notices to the TE office: the text."),
    _("Plans: the goals, the job-search obligation, the notes and the steps."),
    _("Benefit decisions: the reason; their letters: the recipient, and the PDF is removed."),
)
