"""Issue 15 (R-X-1): the area manager's staff page links only to pages that open; their own row says why
it is not a link (an area manager does not give roles to themselves), in fi and sv."""

import re

import pytest
from django.contrib.auth import get_user_model

from kuntakokeilu.access.demo import ensure_demo_users

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "note"), [("fi", "omat roolisi antaa ylläpitäjä"), ("sv", "dina egna roller ges")]
)
def test_every_staff_link_of_the_kainuu_area_manager_opens(client, lang, note):
    ensure_demo_users()
    manager = get_user_model().objects.get(username="juha.heikkinen")
    client.force_login(manager)
    page = client.get("/staff/areas/7/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert note in page
    links = re.findall(r'href="(/staff/users/\d+/)"', page)
    assert links and f"/staff/users/{manager.pk}/" not in links
    assert all(client.get(link).status_code == 200 for link in links)
