"""The links of the shell and of each role's home page, each behind its action in the catalogue.

Apps append their entries to their own section; a link shows only to users the catalogue allows.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kuntakokeilu.access.actions import can


@dataclass(frozen=True)
class Link:
    label: str | Promise
    url_name: str
    action: str
    description: str | Promise = ""


LINKS: list[Link] = [
    # --- regions ---
    Link(
        _("Trial areas"),
        "regions:trial-area-list",
        "regions.view_reference",
        _("The trial areas of the Act and their municipalities."),
    ),
    # --- access ---
    Link(
        _("Staff"),
        "access:staff",
        "access.manage_staff",
        _("Staff accounts and role assignments of your trial area."),
    ),
    Link(
        _("System administration"),
        "admin:index",
        "access.use_admin_site",
        _("Users, roles and reference data."),
    ),
    # --- api ---
    Link(_("API"), "api:docs", "api.view_schema", _("The interface description (OpenAPI) for systems.")),
]


def links_for(user, on):
    return [(link, reverse(link.url_name)) for link in LINKS if can(user, link.action, None, on)]
