"""Use cases of the access app: staff accounts and role assignments, each checked against the catalogue."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from .actions import can
from .models import Profile, RoleAssignment
from .usernames import normalise


def set_user_language(user, language: str) -> None:
    Profile.objects.update_or_create(user=user, defaults={"language": language})


def user_language(user) -> str | None:
    profile = Profile.objects.filter(user=user).first()
    return profile.language if profile else None


@transaction.atomic
def create_staff_member(actor, *, username, first_name, last_name, email, language, password, assignment, on):
    """A new staff account with its first role; the actor must be allowed to give that role."""
    if not can(actor, "access.give_role", assignment, on):
        raise PermissionDenied
    user_model = get_user_model()
    user = user_model(username=normalise(username), first_name=first_name, last_name=last_name, email=email)
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({"password": exc.messages}) from None
    user.set_password(password)
    try:
        with transaction.atomic():  # a savepoint: a simultaneous creation of the name loses here
            user.save()
    except IntegrityError:
        raise ValidationError({"username": _("This username is already in use.")}) from None
    Profile.objects.create(user=user, language=language)
    _save_assignment(actor, user, assignment)
    return user


@transaction.atomic
def add_assignment(actor, user, assignment: RoleAssignment, on: dt.date) -> RoleAssignment:
    if not (can(actor, "access.manage_user", user, on) and can(actor, "access.give_role", assignment, on)):
        raise PermissionDenied
    return _save_assignment(actor, user, assignment)


@transaction.atomic
def end_assignment(actor, assignment: RoleAssignment, on: dt.date) -> None:
    """The role ends now: valid until yesterday; a role that has not started yet is removed."""
    if not can(actor, "access.manage_user", assignment.user, on):
        raise PermissionDenied
    if assignment.valid_from >= on:
        assignment.delete()
        return
    assignment.valid_to = on - dt.timedelta(days=1)
    assignment.save(update_fields=["valid_to"])


def _save_assignment(actor, user, assignment: RoleAssignment) -> RoleAssignment:
    assignment.user = user
    assignment.created_by = actor
    assignment.full_clean()
    assignment.save()
    return assignment
