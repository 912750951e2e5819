"""A job seeker's service-need assessment through the API (issue 16 items 4 and 5, R-SP-4, R-INT-3).

GET lists the versions, newest first (action `service_process.view_assessment`); POST records a new
version (`service_process.record_assessment`) and answers it. The special-category part (`health`: work and
functional capacity, social, health and rehabilitation service needs) is in the answer only for a caller whom
`service_process.view_health_needs` allows; then the read is logged a second time with the purpose
`special_category` (R-X-2). A person the caller may not see is the same 404 as a missing one.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import can
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers.models import Person
from kuntakokeilu.service_process import assessment
from kuntakokeilu.service_process.models import Assessment, AssessmentHealth
from kuntakokeilu.service_process.services import Refused

from .base import CatalogueView
from .errors import ApiError
from .transfers.common import ERRORS, MethodCatalogueSchema, invalid

TAGS = ["service process"]
WHAT = "api:person-assessments"


def _area_fields(model, areas) -> dict:
    fields = {}
    for area in areas:
        field = model._meta.get_field(area)
        fields[area] = serializers.ChoiceField(choices=field.choices, help_text=str(field.verbose_name))
        fields[f"{area}_text"] = serializers.CharField(
            allow_blank=True, required=False, default="", max_length=assessment.TEXT_MAX
        )
    return fields


HealthSerializer = type(
    "AssessmentHealthSerializer",
    (serializers.Serializer,),
    {
        **_area_fields(AssessmentHealth, assessment.HEALTH_AREAS),
        "__doc__": "The special-category part (GDPR art. 9): only for `service_process.view_health_needs`.",
    },
)
AreasSerializer = type(
    "AssessmentAreasSerializer", (serializers.Serializer,), _area_fields(Assessment, assessment.AREAS)
)


class AssessmentSerializer(AreasSerializer):
    """One version of the assessment; `health` only where the caller may see the special-category part."""

    id = serializers.IntegerField(read_only=True)
    version = serializers.IntegerField(read_only=True)
    assessed_on = serializers.DateField()
    meeting = serializers.IntegerField(source="meeting_id", allow_null=True, read_only=True)
    municipality = serializers.CharField(source="municipality.code", read_only=True)
    recorded_by = serializers.CharField(source="recorded_by.username", allow_null=True, read_only=True)
    recorded_at = serializers.DateTimeField(read_only=True)
    health = HealthSerializer(required=False, help_text="Only for `service_process.view_health_needs`.")

    def get_fields(self):
        fields = super().get_fields()
        if self.context.get("without_health"):  # never read, never answered
            fields.pop("health")
        return fields


class RecordSerializer(AreasSerializer):
    assessed_on = serializers.DateField(help_text="The date of the assessment, YYYY-MM-DD; not after today.")
    meeting = serializers.IntegerField(
        required=False, allow_null=True, help_text="The id of the person's meeting of that day, if any."
    )
    health = HealthSerializer()


class PersonAssessments(CatalogueView):
    """GET: the person's assessment versions, newest first (logged). POST: record a review as a new version
    (action `service_process.record_assessment`); a refusal is a 400 with a localised message and changes
    nothing."""

    kk_action = "service_process.view_assessment"
    method_actions = {"POST": "service_process.record_assessment"}
    schema = MethodCatalogueSchema()
    not_found = ("person_not_found", gettext_lazy("No such person."))

    def initial(self, request, *args, **kwargs):
        self.kk_action = self.method_actions.get(request.method, type(self).kk_action)
        super().initial(request, *args, **kwargs)

    def get_kk_object(self) -> Person:
        person = Person.objects.filter(pk=self.kwargs["person_id"]).first()
        if person is None:
            raise self.object_not_found()
        return person

    def _answer(self, person, versions, today, status=200) -> Response:
        """The versions as data, logged (the special-category part with its own purpose)."""
        with_health = can(self.request.user, "service_process.view_health_needs", person, today)
        audit.record(self.request.user, [person], WHAT, Purpose.CUSTOMER_SERVICE)
        if with_health and versions:
            audit.record(self.request.user, [person], WHAT, Purpose.SPECIAL_CATEGORY)
        context = {"without_health": not with_health}
        many = isinstance(versions, list)
        return Response(AssessmentSerializer(versions, many=many, context=context).data, status=status)

    @extend_schema(tags=TAGS, responses={200: AssessmentSerializer(many=True), **ERRORS})
    def get(self, request, person_id):
        today = clock.today()
        with transaction.atomic():
            person = self.get_kk_object()
            with_health = can(request.user, "service_process.view_health_needs", person, today)
            return self._answer(person, assessment.history(person, with_health=with_health), today)

    @extend_schema(tags=TAGS, request=RecordSerializer, responses={201: AssessmentSerializer, **ERRORS})
    def post(self, request, person_id):
        today = clock.today()
        person = self.get_kk_object()
        body = RecordSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        data = body.validated_data
        meeting = None
        if data.get("meeting") is not None:
            meeting = person.meetings.filter(pk=data["meeting"]).first()
            if meeting is None:
                raise _refused(Refused("meeting", assessment.OTHER_MEETING))
        values = {k: v for k, v in data.items() if k.split("_text")[0] in assessment.AREAS}
        try:
            with transaction.atomic():
                version = assessment.record_assessment(
                    request.user,
                    person,
                    today=today,
                    assessed_on=data["assessed_on"],
                    meeting=meeting,
                    values=values,
                    health=data["health"],
                )
                return self._answer(person, version, today, status=201)
        except Refused as refused:
            raise _refused(refused) from None


def _refused(refused: Refused) -> ApiError:
    message = str(refused.message)
    fields = {refused.field: [message]} if refused.field else None
    return ApiError(400, "assessment_not_possible", message, fields)
