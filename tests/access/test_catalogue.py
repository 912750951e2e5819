"""The action catalogue (R-X-1): one list, each action with the roles that may take it, registered by
the app that owns it; the catalogue knows no domain app (the layers hold); the generated catalogue
(`kuntakokeilu catalogue`, the admins' page) lists every action."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from kuntakokeilu.access.actions import CATALOGUE, declare
from kuntakokeilu.access.catalogue import entries
from kuntakokeilu.access.roles import Role

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.nodb
def test_every_action_is_registered_by_the_app_its_code_names():
    """Each app declares its own actions in its `actions.py` (regions' one is declared by access, the
    layer above it)."""
    for code, action in CATALOGUE.items():
        app = code.split(".")[0]
        assert action.app == app
        owner = action.scope.__module__ if action.scope else None
        if owner is not None:
            assert owner == f"kuntakokeilu.{app}.actions" or owner == "kuntakokeilu.access.actions", code


@pytest.mark.nodb
def test_every_action_names_its_roles_or_is_public():
    for action in CATALOGUE.values():
        assert action.public or action.roles, action.code
        assert set(action.roles) <= set(Role.values), action.code


@pytest.mark.nodb
def test_an_action_is_declared_once_and_with_a_role():
    with pytest.raises(ValueError, match="declared twice"):
        declare("customers.view_person", "again", roles=(Role.ADMIN,))
    with pytest.raises(ValueError, match="names no role"):
        declare("customers.nobody", "no one")
    assert "customers.nobody" not in CATALOGUE


@pytest.mark.nodb
def test_the_layers_hold():
    """`make lint`'s import contracts: rules ← regions ← access ← work items ← domain apps ← api | web,
    no cycles inside an app, and no domain module imports a view, form or API module. So `access` imports
    no domain app."""
    done = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:]
    assert "3 kept, 0 broken" in done.stdout


@pytest.mark.nodb
def test_the_generated_catalogue_lists_every_action_with_its_roles(capsys):
    call_command("catalogue", "--lang", "fi")
    printed = capsys.readouterr().out
    for code in CATALOGUE:
        assert code in printed
    assert "työllisyyspalvelujen asiantuntija" in printed  # the case worker, in Finnish
    rows = {row.code: row for row in entries()}
    assert rows["customers.decide_request"].scoped
    assert not rows["regions.view_reference"].roles and rows["regions.view_reference"].public


@pytest.mark.django_db
def test_admins_see_the_catalogue_page_and_others_do_not(client, django_user_model):
    from kuntakokeilu.access.demo import ensure_demo_users

    ensure_demo_users()
    client.force_login(django_user_model.objects.get(username="admin"))
    page = client.get(reverse("access:catalogue"), HTTP_ACCEPT_LANGUAGE="sv")
    assert page.status_code == 200
    assert len(page.context["rows"]) == len(CATALOGUE)
    assert "customers.decide_request" in page.content.decode()
    client.force_login(django_user_model.objects.get(username="aino.virtanen"))
    assert client.get(reverse("access:catalogue")).status_code == 403
