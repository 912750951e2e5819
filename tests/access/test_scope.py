"""Scopes over time (R-X-1, R-REF-2): what a role covers follows the date's regional division and the
assignment's validity."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from kuntakokeilu.access.actions import can
from kuntakokeilu.access.models import RoleAssignment
from kuntakokeilu.access.roles import Role, ScopeKind
from kuntakokeilu.access.scope import grants
from kuntakokeilu.regions.models import ElyCentre, Municipality, TrialArea

pytestmark = pytest.mark.django_db
D = dt.date


def make_user(username, **assignment):
    user = get_user_model().objects.create_user(username=username, password="x" * 16)
    if assignment:
        RoleAssignment.objects.create(user=user, **assignment)
    return user


def test_an_ely_scope_follows_the_regional_division_of_the_date():
    user = make_user(
        "ely.pk",
        role=Role.ELY,
        scope_kind=ScopeKind.ELY,
        ely=ElyCentre.objects.get(code="09"),
        valid_from=D(2020, 1, 1),
    )
    heinavesi = Municipality.objects.get(code="090")
    assert not grants(user, D(2020, 6, 1))[0].covers(heinavesi)
    assert grants(user, D(2021, 6, 1))[0].covers(heinavesi)
    assert grants(user, D(2021, 6, 1))[0].covers(TrialArea.objects.get(number=13))  # Joensuu region


def test_a_role_holds_only_in_its_validity_period():
    user = make_user(
        "cw",
        role=Role.CASE_WORKER,
        scope_kind=ScopeKind.MUNICIPALITY,
        municipality=Municipality.objects.get(code="091"),
        valid_from=D(2021, 3, 1),
        valid_to=D(2022, 12, 31),
    )
    assert not can(user, "web.view_home", on=D(2021, 2, 28))
    assert can(user, "web.view_home", on=D(2021, 3, 1))
    assert can(user, "web.view_home", on=D(2022, 12, 31))
    assert not can(user, "web.view_home", on=D(2023, 1, 1))


def test_a_user_without_roles_or_inactive_has_nothing():
    assert not can(make_user("nobody"), "web.view_home", on=D(2022, 1, 1))
    user = make_user("gone", role=Role.MINISTRY, scope_kind=ScopeKind.COUNTRY, valid_from=D(2021, 1, 1))
    user.is_active = False
    user.save()
    assert not can(user, "web.view_home", on=D(2022, 1, 1))


def test_a_trial_area_scope_covers_its_members_only():
    area = TrialArea.objects.get(number=7)
    user = make_user(
        "am",
        role=Role.AREA_MANAGER,
        scope_kind=ScopeKind.TRIAL_AREA,
        trial_area=area,
        valid_from=D(2021, 1, 1),
    )
    grant = grants(user, D(2022, 1, 1))[0]
    assert grant.municipalities == {"105", "205", "290", "697", "578", "765", "777"}
    assert not grant.covers(Municipality.objects.get(code="091"))


def test_an_area_manager_gives_only_area_staff_roles_inside_the_area():
    area = TrialArea.objects.get(number=7)
    manager = make_user(
        "am",
        role=Role.AREA_MANAGER,
        scope_kind=ScopeKind.TRIAL_AREA,
        trial_area=area,
        valid_from=D(2021, 1, 1),
    )
    on = D(2022, 1, 1)
    kajaani = Municipality.objects.get(code="205")

    def proposed(role, **scope):
        return RoleAssignment(role=role, valid_from=on, **scope)

    assert can(
        manager,
        "access.give_role",
        proposed(Role.APPROVER, scope_kind="municipality", municipality=kajaani),
        on,
    )
    assert can(
        manager, "access.give_role", proposed(Role.CASE_WORKER, scope_kind="trial_area", trial_area=area), on
    )
    assert not can(manager, "access.give_role", proposed(Role.MINISTRY, scope_kind="country"), on)
    assert not can(
        manager,
        "access.give_role",
        proposed(Role.APPLICANT, scope_kind="municipality", municipality=kajaani),
        on,
    )


def test_an_area_manager_cannot_manage_someone_with_a_role_elsewhere():
    area = TrialArea.objects.get(number=7)
    on = D(2022, 1, 1)
    manager = make_user(
        "am",
        role=Role.AREA_MANAGER,
        scope_kind=ScopeKind.TRIAL_AREA,
        trial_area=area,
        valid_from=D(2021, 1, 1),
    )
    both = make_user(
        "both",
        role=Role.CASE_WORKER,
        scope_kind=ScopeKind.MUNICIPALITY,
        municipality=Municipality.objects.get(code="205"),
        valid_from=D(2021, 1, 1),
    )
    assert can(manager, "access.manage_user", both, on)
    RoleAssignment.objects.create(
        user=both,
        role=Role.CASE_WORKER,
        scope_kind=ScopeKind.MUNICIPALITY,
        municipality=Municipality.objects.get(code="091"),
        valid_from=D(2021, 1, 1),
    )
    assert not can(manager, "access.manage_user", both, on)
    assert not can(manager, "access.manage_user", manager, on)  # not their own roles


def test_the_database_refuses_an_assignment_without_its_place():
    from django.db import IntegrityError, transaction

    user = make_user("x")
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleAssignment.objects.create(
            user=user, role=Role.CASE_WORKER, scope_kind=ScopeKind.MUNICIPALITY, valid_from=D(2021, 1, 1)
        )
