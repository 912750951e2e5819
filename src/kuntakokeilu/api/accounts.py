"""The signed-in staff member's own account: who they are and the roles they hold today (R-X-1)."""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access.models import Profile, RoleAssignment
from kuntakokeilu.access.roles import Role, ScopeKind

from .base import CatalogueView, ErrorSerializer


class RoleOnDateSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=Role.choices)
    scope_kind = serializers.ChoiceField(choices=ScopeKind.choices)
    scope_code = serializers.SerializerMethodField(
        help_text="Municipality code, trial area number, TE office or ELY centre code; null for the country."
    )
    valid_from = serializers.DateField()
    valid_to = serializers.DateField(allow_null=True)

    def get_scope_code(self, assignment: RoleAssignment) -> str | None:
        place = assignment.scope_object
        if place is None:
            return None
        return str(place.number) if assignment.scope_kind == ScopeKind.TRIAL_AREA else place.code


class AccountSerializer(serializers.Serializer):
    username = serializers.CharField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    language = serializers.ChoiceField(choices=settings.LANGUAGES, help_text="The interface language.")
    roles = RoleOnDateSerializer(many=True, help_text="The role assignments valid today.")


class Me(CatalogueView):
    """The signed-in user's name, interface language and the roles they hold today, each with its scope.
    Authenticate with `Authorization: Token …` or a signed-in session."""

    kk_action = "api.view_own_account"

    @extend_schema(
        tags=["account"], responses={200: AccountSerializer, 401: ErrorSerializer, 403: ErrorSerializer}
    )
    def get(self, request):
        user = request.user
        roles = (
            RoleAssignment.objects.valid_on(clock.today())
            .filter(user=user)
            .select_related("municipality", "trial_area", "te_office", "ely")
        )
        language = Profile.objects.filter(user=user).values_list("language", flat=True).first()
        account = {
            "username": user.get_username(),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": language or "fi",
            "roles": roles,
        }
        return Response(AccountSerializer(account).data)
