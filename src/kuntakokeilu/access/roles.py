"""The roles of SPEC §0 and the scopes each may hold (R-X-1)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MINISTRY = "ministry", _("ministry official")
    ELY = "ely", _("ELY centre official")
    TE_OFFICE = "te_office", _("TE office official")
    APPLICANT = "applicant", _("applicant (municipality)")
    AREA_MANAGER = "area_manager", _("trial area manager")
    CASE_WORKER = "case_worker", _("case worker")
    APPROVER = "approver", _("approver")
    RESEARCHER = "researcher", _("researcher")
    ADMIN = "admin", _("system administrator")


class ScopeKind(models.TextChoices):
    COUNTRY = "country", _("whole country")
    ELY = "ely", _("ELY centre area")
    TE_OFFICE = "te_office", _("TE office area")
    TRIAL_AREA = "trial_area", _("trial area")
    MUNICIPALITY = "municipality", _("municipality")


# Which scopes a role may be given. A case worker or approver of a trial area that pools its
# municipalities' customers is scoped to the trial area; otherwise to one municipality.
ROLE_SCOPES: dict[str, tuple[str, ...]] = {
    Role.MINISTRY: (ScopeKind.COUNTRY,),
    Role.ELY: (ScopeKind.ELY,),
    Role.TE_OFFICE: (ScopeKind.TE_OFFICE,),
    Role.APPLICANT: (ScopeKind.MUNICIPALITY,),
    Role.AREA_MANAGER: (ScopeKind.TRIAL_AREA,),
    Role.CASE_WORKER: (ScopeKind.MUNICIPALITY, ScopeKind.TRIAL_AREA),
    Role.APPROVER: (ScopeKind.MUNICIPALITY, ScopeKind.TRIAL_AREA),
    Role.RESEARCHER: (ScopeKind.COUNTRY,),
    Role.ADMIN: (ScopeKind.COUNTRY,),
}

# The roles an area manager may give within their own trial area (admins may give every role).
AREA_STAFF_ROLES = (Role.CASE_WORKER, Role.APPROVER, Role.AREA_MANAGER)
