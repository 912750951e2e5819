"""Words of the evaluation pages that other apps show: catalogue labels, the navigation link, run steps."""

from django.utils.translation import gettext_lazy as _

ACTION_LABELS = {
    "evaluation.view_runs": _("See impact evaluation runs and their reports"),
    "evaluation.run": _("Run an impact evaluation specification"),
}
NAV_EVALUATION = _("Impact evaluation")
NAV_EVALUATION_HELP = _(
    "Run a difference-in-differences specification on the municipal panel and read the reports."
)

# The runner's steps (runner.run calls progress(step, percent)); `estimates:<variant>` names the variant.
STEPS = {
    "": _("Waiting to start"),
    "panel": _("Building the municipality × month panel"),
    "estimates": _("Estimates: %(variant)s"),
    "event_study": _("Event study and pre-trend test"),
    "placebos": _("Placebo start dates"),
    "report": _("Writing the report"),
    "done": _("Done"),
}


def step_label(step: str) -> str:
    code, _sep, variant = step.partition(":")
    label = STEPS.get(code)
    if label is None:
        return step
    return str(label) % {"variant": variant} if variant else str(label)
