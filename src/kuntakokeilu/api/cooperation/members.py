"""A trial area's network members (R-SP-9): GET the members (all, or those on `?on=`), POST one."""

from __future__ import annotations

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.cooperation import queries, services
from kuntakokeilu.cooperation.models import MemberKind, NetworkMember
from kuntakokeilu.regions.models import ElyCentre, Municipality, TeOffice

from ..base import ON_PARAMETER, on_date
from ..transfers.common import ERRORS, invalid
from .common import TAGS, AreaView, refusal


class NetworkMemberSerializer(serializers.ModelSerializer):
    """A member for a period; a municipality, an ELY centre and a TE office by code, any other by name."""

    kind = serializers.ChoiceField(choices=MemberKind.values)
    municipality = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Municipality.objects.all(),
        allow_null=True,
        required=False,
        help_text="The municipality's code (kind municipality): one of the trial area's.",
    )
    ely = serializers.SlugRelatedField(
        slug_field="code",
        queryset=ElyCentre.objects.all(),
        allow_null=True,
        required=False,
        help_text="The ELY centre's code (kind ely_centre): the trial area's own (L1269 s. 21).",
    )
    te_office = serializers.SlugRelatedField(
        slug_field="code",
        queryset=TeOffice.objects.all(),
        allow_null=True,
        required=False,
        help_text="The TE office's code (kind te_office): the trial area's own (L1269 s. 21).",
    )
    display_name = serializers.CharField(source="local_name", read_only=True)

    class Meta:
        model = NetworkMember
        fields = [
            "id",
            "kind",
            "municipality",
            "ely",
            "te_office",
            "name",
            "display_name",
            "contact_name",
            "contact_email",
            "member_from",
            "member_to",
        ]
        read_only_fields = ["id"]
        extra_kwargs = {
            "name": {"help_text": "The organisation's name (other kinds)."},
            "contact_email": {"max_length": 254},
        }


class NetworkMembers(AreaView):
    """GET: the network's members, every one it has had, or with `on` those on the date. POST: add a
    member for a period (area managers of the area); refused (400, the field and the message) when the
    municipality is not one of the area's, the ELY centre or TE office not the area's own, the dates outside
    the pilot or the periods overlap, and nothing is written."""

    @extend_schema(
        tags=TAGS, parameters=[ON_PARAMETER], responses={200: NetworkMemberSerializer(many=True), **ERRORS}
    )
    def get(self, request, number):
        area = self.get_kk_object()
        if "on" in request.query_params:
            rows = queries.members_on(area, on_date(request))
        else:
            rows = queries.all_members(area).order_by("kind", "member_from", "id")
        return Response(NetworkMemberSerializer(rows, many=True).data)

    @extend_schema(
        tags=TAGS, request=NetworkMemberSerializer, responses={201: NetworkMemberSerializer, **ERRORS}
    )
    def post(self, request, number):
        body = NetworkMemberSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        try:
            with transaction.atomic():
                member = services.add_member(
                    request.user, self.get_kk_object(), today=clock.today(), **body.validated_data
                )
        except services.Refused as refused:
            raise refusal(refused, "member_refused") from None
        return Response(NetworkMemberSerializer(member).data, status=201)
