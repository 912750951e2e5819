"""Words for the decision facts (the rules' input fields) and their choices, as the form and the messages
show them."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from . import explanations as m

FIELDS = {
    "employer_type": _("Employer"),
    "unemployed_months_last_14": _("Months unemployed of the last 14"),
    "unemployed_months_last_28": _("Months unemployed of the last 28"),
    "reduced_work_ability": _("Reduced work ability"),
    "age": _("Age"),
    "employment_started_before_decision": _("Employment started before the decision"),
    "consecutive_period_applied_in_time": _("A consecutive period applied for in time"),
    "esf_funded": _("Funded by the European Social Fund"),
    "weekly_hours": _("Weekly working hours"),
    "working_time_percent": _("Working time as a percentage of full time"),
    "business_started_on": _("Business started on"),
    "months_granted_before": _("Months granted before"),
    "organiser_type": _("Organiser"),
    "months_in_trials": _("Months in work trials"),
    "months_with_organiser": _("Months with this organiser"),
    "continuous_unemployment_months": _("Months of continuous unemployment"),
    "entitled_to_unemployment_benefit": _("Entitled to an unemployment benefit"),
    "service_type": _("Service"),
    "service_in_plan": _("The service is agreed in the plan"),
    "necessary_costs": _("Taking part causes necessary costs"),
    "other_compensation": _("Another right to compensation of the costs"),
    "outside_commuting_area": _("Outside the commuting area"),
    "accommodation_costs_outside_home_municipality": _("Accommodation costs outside the home municipality"),
    "kilometres": _("Kilometres"),
    "journeys": _("Journeys"),
    "accommodation_nights": _("Accommodation nights"),
    "accommodation_costs": _("Accommodation costs (euros)"),
    "moving_costs": _("Moving costs (euros)"),
}

CHOICES = {
    "employer_type": {key: _(text) for key, text in m.EMPLOYERS.items()},
    "organiser_type": {
        "this_pilot_municipality": _("the trial municipality itself"),
        "other_municipality": _("another municipality"),
        "other": _("another organiser"),
    },
    "service_type": {
        "employment_service": _("an employment-promoting service"),
        "self_motivated_study": _("supported self-motivated study"),
        "office_visit": _("a visit to the office"),
    },
}


def field_label(name: str) -> str:
    return str(FIELDS.get(name, name))


# the shell's links (web/navigation.py), translated in this app's catalogue
NAV_DECISIONS = _("Benefit decisions to accept")
NAV_DECISIONS_HELP = _("Drafts of benefit decisions waiting for an approver, oldest first.")
NAV_TEMPLATES = _("Decision letter templates")
NAV_TEMPLATES_HELP = _(
    "The grounds' opening and the instructions for seeking a remedy, in Finnish and Swedish."
)
