"""Demo step of the access app: one user per role on real places, with the password printed.

Idempotent: a second run changes nothing. An account that exists already keeps its password (the demo
never resets one); only the accounts it creates get the printed demo password. Every later app adds its
own demo module (settings.DEMO_STEPS).
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction

from kuntakokeilu.regions.models import ElyCentre, Municipality, TeOffice, TrialArea

from .models import Profile, RoleAssignment
from .roles import Role, ScopeKind

DEMO_PASSWORD = "Kokeilu-2021-demo"  # noqa: S105 - printed for the demo; never a production account
VALID_FROM = dt.date(2021, 1, 1)

# username, first name, last name, language, role, scope kind, scope code
DEMO_USERS = [
    ("aino.virtanen", "Aino", "Virtanen", "fi", Role.CASE_WORKER, ScopeKind.MUNICIPALITY, "091"),
    ("mikko.korhonen", "Mikko", "Korhonen", "fi", Role.APPROVER, ScopeKind.MUNICIPALITY, "091"),
    ("linnea.lindqvist", "Linnea", "Lindqvist", "sv", Role.CASE_WORKER, ScopeKind.MUNICIPALITY, "638"),
    ("juha.heikkinen", "Juha", "Heikkinen", "fi", Role.AREA_MANAGER, ScopeKind.TRIAL_AREA, "7"),
    ("ville.hyvonen", "Ville", "Hyvönen", "fi", Role.CASE_WORKER, ScopeKind.MUNICIPALITY, "205"),
    ("emma.kinnunen", "Emma", "Kinnunen", "fi", Role.CASE_WORKER, ScopeKind.MUNICIPALITY, "205"),
    ("sanna.makinen", "Sanna", "Mäkinen", "fi", Role.TE_OFFICE, ScopeKind.TE_OFFICE, "01"),
    ("kaisa.jarvinen", "Kaisa", "Järvinen", "fi", Role.ELY, ScopeKind.ELY, "01"),
    ("pekka.nieminen", "Pekka", "Nieminen", "fi", Role.APPLICANT, ScopeKind.MUNICIPALITY, "434"),
    ("elina.laine", "Elina", "Laine", "fi", Role.MINISTRY, ScopeKind.COUNTRY, None),
    ("tuomas.koskinen", "Tuomas", "Koskinen", "fi", Role.RESEARCHER, ScopeKind.COUNTRY, None),
    ("admin", "Ylläpito", "Kuntakokeilu", "fi", Role.ADMIN, ScopeKind.COUNTRY, None),
    # --- funding (issue 18 item 3): an official of the Kainuu ELY centre, who sets trial area 7's quotas ---
    ("heikki.kemppainen", "Heikki", "Kemppainen", "fi", Role.ELY, ScopeKind.ELY, "14"),
    # --- decisions (issue 18 item 2): the approvers who accept Kajaani's and Porvoo's benefit decisions ---
    ("antti.pulkkinen", "Antti", "Pulkkinen", "fi", Role.APPROVER, ScopeKind.MUNICIPALITY, "205"),
    ("ulrika.holmstrom", "Ulrika", "Holmström", "sv", Role.APPROVER, ScopeKind.MUNICIPALITY, "638"),
]


def _scope(kind, code) -> dict:
    if kind == ScopeKind.MUNICIPALITY:
        return {"municipality": Municipality.objects.get(code=code)}
    if kind == ScopeKind.TRIAL_AREA:
        return {"trial_area": TrialArea.objects.get(number=int(code))}
    if kind == ScopeKind.TE_OFFICE:
        return {"te_office": TeOffice.objects.get(code=code)}
    if kind == ScopeKind.ELY:
        return {"ely": ElyCentre.objects.get(code=code)}
    return {}


@transaction.atomic
def ensure_demo_users() -> list[tuple]:
    user_model = get_user_model()
    rows = []
    for username, first, last, language, role, kind, code in DEMO_USERS:
        user, created = user_model.objects.get_or_create(username=username)
        is_admin = role == Role.ADMIN
        changed = (user.first_name, user.last_name, user.is_staff, user.is_superuser) != (
            first,
            last,
            is_admin,
            is_admin,
        )
        user.first_name, user.last_name, user.is_staff, user.is_superuser = first, last, is_admin, is_admin
        if created:
            user.set_password(DEMO_PASSWORD)
            changed = True
        if changed:
            user.save()
        Profile.objects.update_or_create(user=user, defaults={"language": language})
        scope = _scope(kind, code)
        RoleAssignment.objects.get_or_create(
            user=user, role=role, scope_kind=kind, valid_from=VALID_FROM, **scope
        )
        place = next(iter(scope.values()), None)
        kept = not created and not user.check_password(DEMO_PASSWORD)
        name = f"{first} {last}" + (" (existing account: its own password kept)" if kept else "")
        rows.append((username, name, role, str(place) if place else "Suomi / Finland", language))
    return rows


def run(today):
    rows = ensure_demo_users()
    yield ""
    yield f"Demo users (password for all: {DEMO_PASSWORD}):"
    width = max(len(r[0]) for r in rows)
    for username, name, role, place, language in rows:
        yield f"  {username:<{width}}  {role:<13} {place:<34} {language}  {name}"
