"""The authorisation matrix (R-X-1): every role × every action × an object inside and outside its scope.

Users are the demo's (real places): the Kainuu area manager's area is trial area 7; "inside" and
"outside" are chosen per action so that every role's answer is tested both ways.
"""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from kuntakokeilu.access.actions import CATALOGUE, can
from kuntakokeilu.access.demo import ensure_demo_users
from kuntakokeilu.access.models import RoleAssignment
from kuntakokeilu.access.roles import Role, ScopeKind
from kuntakokeilu.regions.models import Municipality, TrialArea

pytestmark = pytest.mark.django_db
ON = dt.date(2022, 9, 1)

USERS = {
    Role.CASE_WORKER: "aino.virtanen",  # Helsinki
    Role.APPROVER: "mikko.korhonen",  # Helsinki
    Role.AREA_MANAGER: "juha.heikkinen",  # trial area 7 Kainuu
    Role.TE_OFFICE: "sanna.makinen",  # Uusimaa TE office
    Role.ELY: "kaisa.jarvinen",  # Uusimaa ELY centre
    Role.APPLICANT: "pekka.nieminen",  # Loviisa
    Role.MINISTRY: "elina.laine",
    Role.RESEARCHER: "tuomas.koskinen",
    Role.ADMIN: "admin",
}
ALL = set(USERS)
NOBODY: set = set()


def objects():
    user = get_user_model().objects.get
    return {
        "access.manage_staff": (TrialArea.objects.get(number=7), TrialArea.objects.get(number=20)),
        "access.manage_user": (user(username="ville.hyvonen"), user(username="aino.virtanen")),
        "access.give_role": (
            RoleAssignment(
                role=Role.CASE_WORKER,
                scope_kind=ScopeKind.MUNICIPALITY,
                municipality=Municipality.objects.get(code="290"),
                valid_from=ON,
            ),  # Kuhmo
            RoleAssignment(
                role=Role.CASE_WORKER,
                scope_kind=ScopeKind.MUNICIPALITY,
                municipality=Municipality.objects.get(code="091"),
                valid_from=ON,
            ),
        ),
    }


# action: (roles allowed on the object inside, roles allowed on the object outside, anonymous allowed)
EXPECTED = {
    "web.view_public": (ALL, ALL, True),
    "web.set_language": (ALL, ALL, True),
    "regions.view_reference": (ALL, ALL, True),
    "access.sign_in": (ALL, ALL, True),
    "api.view_schema": (ALL, ALL, True),
    "web.view_home": (ALL, ALL, False),
    "api.view_own_account": (ALL, ALL, False),
    "access.use_admin_site": ({Role.ADMIN}, {Role.ADMIN}, False),
    "access.manage_staff": ({Role.ADMIN, Role.AREA_MANAGER}, {Role.ADMIN}, False),
    "access.manage_user": ({Role.ADMIN, Role.AREA_MANAGER}, {Role.ADMIN}, False),
    "access.give_role": ({Role.ADMIN, Role.AREA_MANAGER}, {Role.ADMIN}, False),
}


def test_the_matrix_covers_the_whole_catalogue():
    assert set(EXPECTED) == set(CATALOGUE)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_matrix(code):
    ensure_demo_users()
    inside, outside = objects().get(code, (None, None))
    allowed_inside, allowed_outside, anonymous = EXPECTED[code]
    users = {role: get_user_model().objects.get(username=name) for role, name in USERS.items()}
    got_inside = {role for role, user in users.items() if can(user, code, inside, ON)}
    got_outside = {role for role, user in users.items() if can(user, code, outside, ON)}
    assert (got_inside, got_outside) == (allowed_inside, allowed_outside)
    assert can(AnonymousUser(), code, inside, ON) is anonymous
