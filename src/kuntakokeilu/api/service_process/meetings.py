"""A job seeker's meetings through the API (R-SP-3): the list (action `service_process.view_deadlines`,
as the page shows them) and recording one (`service_process.record_meeting`) through
`services.record_meeting`, with the page's refusals as a 400 naming the field and its localised message;
nothing is written on a refusal. Every answer is logged in its transaction (R-X-2)."""

from __future__ import annotations

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.service_process import services
from kuntakokeilu.service_process.models import MEETING_TYPE_LABELS, Channel, Meeting, ServicePoint

from ..customers import PersonView
from ..errors import ApiError
from ..transfers.common import ERRORS, MethodCatalogueSchema, invalid
from .common import TAGS


class MeetingSerializer(serializers.ModelSerializer):
    """A meeting or contact as recorded; a no-show satisfies no deadline."""

    type = serializers.ChoiceField(choices=list(MEETING_TYPE_LABELS))
    channel = serializers.ChoiceField(choices=Channel.values)
    service_point = serializers.PrimaryKeyRelatedField(
        queryset=ServicePoint.objects.all(),
        allow_null=True,
        required=False,
        help_text="The service point's id (GET /api/v1/trial-areas/{number}/service-points/); required "
        "face to face.",
    )
    municipality = serializers.CharField(
        source="municipality.code",
        read_only=True,
        help_text="The trial municipality whose customer the job seeker was on the meeting's date.",
    )

    class Meta:
        model = Meeting
        fields = [
            "id",
            "type",
            "date",
            "channel",
            "service_point",
            "participants",
            "notes",
            "no_show",
            "municipality",
            "recorded_at",
        ]
        read_only_fields = ["id", "recorded_at"]
        extra_kwargs = {"participants": {"max_length": 500}}


class PersonMeetings(PersonView):
    """GET: a job seeker's meetings, the latest first; logged. POST: record a meeting or contact held
    today or earlier (R-SP-3); the person's deadlines change at once. A meeting after today, before the
    job search, outside a customership of a trial municipality, face to face without a service point or
    at another area's point is refused (400, the field and the message in the request's language) and
    nothing is written."""

    kk_action = "service_process.view_deadlines"
    method_actions = {"POST": "service_process.record_meeting"}
    schema = MethodCatalogueSchema()

    def initial(self, request, *args, **kwargs):
        self.kk_action = self.method_actions.get(request.method, type(self).kk_action)
        super().initial(request, *args, **kwargs)

    @extend_schema(tags=TAGS, responses={200: MeetingSerializer(many=True), **ERRORS})
    def get(self, request, person_id):
        with transaction.atomic():
            person = self.get_kk_object()
            rows = person.meetings.select_related("municipality").order_by("-date", "-id")
            audit.record(request.user, [person], "api:person-meetings", Purpose.CUSTOMER_SERVICE)
            return Response(MeetingSerializer(rows, many=True).data)

    @extend_schema(tags=TAGS, request=MeetingSerializer, responses={201: MeetingSerializer, **ERRORS})
    def post(self, request, person_id):
        body = MeetingSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        try:
            with transaction.atomic():
                person = self.get_kk_object()
                meeting = services.record_meeting(
                    request.user, person, today=clock.today(), **body.validated_data
                )
                audit.record(request.user, [person], "api:person-meetings", Purpose.CUSTOMER_SERVICE)
                data = MeetingSerializer(meeting).data
        except services.Refused as refused:
            message = str(refused.message)
            fields = {refused.field: [message]} if refused.field else None
            raise ApiError(400, "meeting_refused", message, fields) from None
        return Response(data, status=201)
