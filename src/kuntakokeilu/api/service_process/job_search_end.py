"""Why a job search ended through the API (issue 17 item 6): GET the reasons recorded for a person (action
`service_process.view_deadlines`, as the page shows them), POST record one
(`service_process.record_end_reason`) through `services_exit.record_end_reason`; a refusal is a 400 naming
the field with its localised message and nothing is written. Every answer is logged in its transaction."""

from __future__ import annotations

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.service_process import services_exit
from kuntakokeilu.service_process.models import EndReason, JobSearchEndReason
from kuntakokeilu.service_process.services import Refused

from ..customers import PersonView
from ..errors import ApiError
from ..transfers.common import ERRORS, MethodCatalogueSchema, invalid
from .common import TAGS


class EndReasonSerializer(serializers.ModelSerializer):
    """Why the job search that ended on `ended_on` (its last day) ended."""

    reason = serializers.ChoiceField(choices=EndReason.choices)
    text = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)
    municipality = serializers.CharField(
        source="municipality.code",
        read_only=True,
        help_text="The trial municipality whose customer the job seeker was when the job search ended.",
    )

    class Meta:
        model = JobSearchEndReason
        fields = ["id", "ended_on", "reason", "text", "municipality", "recorded_at"]
        read_only_fields = ["id", "recorded_at"]
        validators: list = []  # one per person and date: checked by the service, with its message


class PersonJobSearchEnd(PersonView):
    """GET: why the person's job searches ended, the latest first; logged. POST: record why the job search
    ended (monitoring and the evaluation count exits by reason); a date after today, with no job search,
    other than the register's end or already recorded is refused (400) and nothing is written."""

    kk_action = "service_process.view_deadlines"
    method_actions = {"POST": "service_process.record_end_reason"}
    schema = MethodCatalogueSchema()

    def initial(self, request, *args, **kwargs):
        self.kk_action = self.method_actions.get(request.method, type(self).kk_action)
        super().initial(request, *args, **kwargs)

    @extend_schema(tags=TAGS, responses={200: EndReasonSerializer(many=True), **ERRORS})
    def get(self, request, person_id):
        with transaction.atomic():
            person = self.get_kk_object()
            rows = person.job_search_end_reasons.select_related("municipality")
            audit.record(request.user, [person], "api:person-job-search-end", Purpose.CUSTOMER_SERVICE)
            return Response(EndReasonSerializer(rows, many=True).data)

    @extend_schema(tags=TAGS, request=EndReasonSerializer, responses={201: EndReasonSerializer, **ERRORS})
    def post(self, request, person_id):
        body = EndReasonSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        try:
            with transaction.atomic():
                person = self.get_kk_object()
                row = services_exit.record_end_reason(
                    request.user, person, today=clock.today(), **body.validated_data
                )
                audit.record(request.user, [person], "api:person-job-search-end", Purpose.CUSTOMER_SERVICE)
                data = EndReasonSerializer(row).data
        except Refused as refused:
            message = str(refused.message)
            fields = {refused.field: [message]} if refused.field else None
            raise ApiError(400, "end_reason_refused", message, fields) from None
        return Response(data, status=201)
