"""Staff accounts and roles through the access services (R-X-1, R-X-6), each checked by the catalogue."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError

from kuntakokeilu.access import services
from kuntakokeilu.access.demo import DEMO_USERS, ensure_demo_users
from kuntakokeilu.access.models import Profile, RoleAssignment
from kuntakokeilu.access.roles import Role, ScopeKind
from kuntakokeilu.regions.models import Municipality, TrialArea

pytestmark = pytest.mark.django_db
ON = dt.date(2022, 9, 1)


@pytest.fixture
def users():
    ensure_demo_users()
    return {u.username: u for u in get_user_model().objects.all()}


def kuhmo_case_worker():
    return RoleAssignment(
        role=Role.CASE_WORKER,
        scope_kind=ScopeKind.MUNICIPALITY,
        municipality=Municipality.objects.get(code="290"),
        valid_from=ON,
    )


def new_member(actor, assignment, password="Kuhmo-palvelee-2022"):
    return services.create_staff_member(
        actor,
        username="outi.kemppainen",
        first_name="Outi",
        last_name="Kemppainen",
        email="o@k.example",
        language="sv",
        password=password,
        assignment=assignment,
        on=ON,
    )


def test_an_area_manager_creates_a_staff_member_in_the_area(users):
    user = new_member(users["juha.heikkinen"], kuhmo_case_worker())
    assert user.check_password("Kuhmo-palvelee-2022")
    assert Profile.objects.get(user=user).language == "sv"
    assignment = user.role_assignments.get()
    assert (assignment.role, assignment.municipality.code, assignment.created_by.username) == (
        "case_worker",
        "290",
        "juha.heikkinen",
    )


def test_a_weak_password_is_refused_and_nothing_is_saved(users):
    with pytest.raises(ValidationError) as err:
        new_member(users["juha.heikkinen"], kuhmo_case_worker(), password="kuhmo")
    assert "password" in err.value.message_dict
    assert not get_user_model().objects.filter(username="outi.kemppainen").exists()


def test_a_case_worker_cannot_create_staff(users):
    with pytest.raises(PermissionDenied):
        new_member(users["aino.virtanen"], kuhmo_case_worker())
    assert not get_user_model().objects.filter(username="outi.kemppainen").exists()


def test_an_area_manager_cannot_give_a_role_in_another_area(users):
    helsinki = RoleAssignment(
        role=Role.CASE_WORKER,
        scope_kind=ScopeKind.MUNICIPALITY,
        municipality=Municipality.objects.get(code="091"),
        valid_from=ON,
    )
    with pytest.raises(PermissionDenied):
        services.add_assignment(users["juha.heikkinen"], users["ville.hyvonen"], helsinki, ON)


def test_ending_a_role_keeps_its_history(users):
    ville = users["ville.hyvonen"]
    assignment = ville.role_assignments.get()
    services.end_assignment(users["juha.heikkinen"], assignment, ON)
    assignment.refresh_from_db()
    assert assignment.valid_to == ON - dt.timedelta(days=1)
    assert not ville.role_assignments.valid_on(ON).exists()


def test_ending_a_role_that_has_not_started_removes_it(users):
    area = TrialArea.objects.get(number=7)
    future = services.add_assignment(
        users["juha.heikkinen"],
        users["ville.hyvonen"],
        RoleAssignment(
            role=Role.APPROVER,
            scope_kind=ScopeKind.TRIAL_AREA,
            trial_area=area,
            valid_from=ON + dt.timedelta(days=10),
        ),
        ON,
    )
    services.end_assignment(users["juha.heikkinen"], future, ON)
    assert not RoleAssignment.objects.filter(pk=future.pk).exists()


def test_the_demo_is_idempotent(users):
    before = (get_user_model().objects.count(), RoleAssignment.objects.count(), Profile.objects.count())
    ensure_demo_users()
    assert (
        get_user_model().objects.count(),
        RoleAssignment.objects.count(),
        Profile.objects.count(),
    ) == before
    assert before == (len(DEMO_USERS),) * 3
