"""A trial area's network meetings (R-SP-9): GET them (in a period with `from`/`to`), POST one."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.cooperation import queries, services
from kuntakokeilu.cooperation.models import MeetingChannel, NetworkMeeting, NetworkMember
from kuntakokeilu.rules.schema import parse_date

from ..base import ON_PATTERN
from ..errors import ApiError
from ..transfers.common import ERRORS, invalid
from .common import TAGS, AreaView, refusal


class NetworkMeetingSerializer(serializers.ModelSerializer):
    """A meeting held on `date` with the members present (ids from .../network/members/)."""

    channel = serializers.ChoiceField(choices=MeetingChannel.values)
    participants = serializers.PrimaryKeyRelatedField(
        queryset=NetworkMember.objects.all(),
        many=True,
        help_text="The ids of the members present, each a member of the area's network on the date.",
    )

    class Meta:
        model = NetworkMeeting
        fields = ["id", "date", "channel", "place", "agenda", "minutes", "participants", "recorded_at"]
        read_only_fields = ["id", "recorded_at"]


def _period_parameter(name: str, what: str) -> OpenApiParameter:
    return OpenApiParameter(
        name,
        OpenApiTypes.DATE,
        OpenApiParameter.QUERY,
        description=f"{what} (YYYY-MM-DD, inclusive); open if omitted.",
        pattern=ON_PATTERN,
    )


def _date_param(request, name: str):
    raw = request.query_params.get(name)
    if raw is None:
        return None
    try:
        return parse_date(raw)
    except ValueError:
        raise ApiError(
            400,
            "invalid_date",
            _("The date is not valid."),
            {name: [_("Give a real date as YYYY-MM-DD, e.g. 2021-06-01.")]},
        ) from None


class NetworkMeetings(AreaView):
    """GET: the network's meetings, the latest first. POST: record a meeting held today or earlier within the
    pilot, with the members present (area managers of the area); a participant who was not a member on the
    date, of another area, or a personal identity code in the texts is refused (400) and nothing is
    written."""

    @extend_schema(
        tags=TAGS,
        parameters=[_period_parameter("from", "The first day"), _period_parameter("to", "The last day")],
        responses={200: NetworkMeetingSerializer(many=True), **ERRORS},
    )
    def get(self, request, number):
        area = self.get_kk_object()
        start, end = _date_param(request, "from"), _date_param(request, "to")
        rows = queries.meetings_in(area, start, end).prefetch_related("participants")
        return Response(NetworkMeetingSerializer(rows, many=True).data)

    @extend_schema(
        tags=TAGS, request=NetworkMeetingSerializer, responses={201: NetworkMeetingSerializer, **ERRORS}
    )
    def post(self, request, number):
        body = NetworkMeetingSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        try:
            with transaction.atomic():
                meeting = services.record_meeting(
                    request.user, self.get_kk_object(), today=clock.today(), **body.validated_data
                )
        except services.Refused as refused:
            raise refusal(refused, "meeting_refused") from None
        return Response(NetworkMeetingSerializer(meeting).data, status=201)
