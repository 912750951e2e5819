"""The applications app's actions in the catalogue (R-APP, R-X-1): applicants see and write their own
municipality's applications (the lead or a member); ELY officials see those whose lead is in their area on
the date; the ministry sees all and decides; neither sees a draft. The object is an Application."""

from kuntakokeilu.access.actions import declare, scoped
from kuntakokeilu.access.roles import Role

from .messages import ACTION_LABELS
from .models import ApplicationStatus


def _places(application, with_members: bool) -> list:
    """The application's lead, and its member municipalities once it is saved."""
    places = [application.lead]
    if with_members and application.pk is not None:
        places.extend(application.municipalities.all())
    return places


def _covers(relevant, application, *, with_members: bool) -> bool:
    """The ministry: every application; the others: those whose lead (or, `with_members`, a member) their
    grant covers."""
    if any(g.role == Role.MINISTRY for g in relevant):
        return True
    places = _places(application, with_members)
    return any(g.covers(place) for g in relevant for place in places)


@scoped(
    "applications.view",
    ACTION_LABELS["applications.view"],
    roles=(Role.MINISTRY, Role.ELY, Role.APPLICANT),
)
def view(user, relevant, application, on) -> bool:
    """A draft is the applicants' own until it is submitted: the ministry and ELY officials do not see it
    (issue 15)."""
    if application.status == ApplicationStatus.DRAFT:
        relevant = [g for g in relevant if g.role == Role.APPLICANT]
    return _covers(relevant, application, with_members=True)


@scoped("applications.apply", ACTION_LABELS["applications.apply"], roles=(Role.APPLICANT,))
def apply(user, relevant, application, on) -> bool:
    """Applicants of the lead municipality."""
    return any(g.covers(application.lead) for g in relevant)


@scoped(
    "applications.request_supplement",
    ACTION_LABELS["applications.request_supplement"],
    roles=(Role.MINISTRY, Role.ELY),
)
def request_supplement(user, relevant, application, on) -> bool:
    return _covers(relevant, application, with_members=False)


declare("applications.select", ACTION_LABELS["applications.select"], roles=(Role.MINISTRY, Role.ELY))
declare("applications.decide", ACTION_LABELS["applications.decide"], roles=(Role.MINISTRY,))
