"""Transfer requests through the API (R-TG-5; L1269 s. 5 as amended by L421/2021): the open requests the
caller may answer or decide, recording one, and the two steps; each person listed or changed is logged
(R-X-2); refusals are the domain's, as localised 400s."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers import transfer_requests
from kuntakokeilu.customers.models import (
    REQUEST_GROUNDS,
    Person,
    RequestReason,
    RequestStatus,
    TransferRequest,
)
from kuntakokeilu.regions.models import Municipality

from ..base import CatalogueView, ErrorSerializer
from ..errors import ApiError
from .common import ERRORS, TAGS, MethodCatalogueSchema, PersonRefSerializer, invalid, refused

# named in the settings' ENUM_NAME_OVERRIDES (the OpenAPI description)
REQUEST_GROUND_CHOICES = [(g.value, g.label) for g in REQUEST_GROUNDS]


class TransferRequestSerializer(serializers.ModelSerializer):
    person = PersonRefSerializer()
    ground = serializers.ChoiceField(choices=REQUEST_GROUND_CHOICES)
    reason = serializers.ChoiceField(choices=RequestReason.choices)
    municipality = serializers.CharField(
        source="municipality.code", allow_null=True, help_text="The receiving trial municipality."
    )
    status = serializers.ChoiceField(choices=RequestStatus.choices)
    customership = serializers.IntegerField(
        source="customership_id", allow_null=True, help_text="Made by a granted request."
    )

    class Meta:
        model = TransferRequest
        fields = [
            "id",
            "person",
            "asked_on",
            "ground",
            "reason",
            "municipality",
            "services_secured",
            "status",
            "accepted_on",
            "decided_on",
            "customership",
        ]


class OpenRequestSerializer(TransferRequestSerializer):
    awaiting = serializers.SerializerMethodField(
        help_text="What the caller may do: accept (answer) or decide."
    )

    class Meta(TransferRequestSerializer.Meta):
        fields = [*TransferRequestSerializer.Meta.fields, "awaiting"]

    def get_awaiting(self, row: TransferRequest) -> str:
        return "decision" if row.status == RequestStatus.PENDING else "answer"


class AskSerializer(serializers.Serializer):
    person = serializers.UUIDField()
    asked_on = serializers.DateField(required=False, help_text="Today (Helsinki) if omitted.")
    ground = serializers.ChoiceField(choices=REQUEST_GROUND_CHOICES)
    reason = serializers.ChoiceField(choices=RequestReason.choices)
    services_secured = serializers.BooleanField(
        help_text="The move does not endanger access to services matching the person's needs."
    )
    municipality = serializers.CharField(
        required=False, allow_null=True, help_text="The receiving trial municipality's code."
    )

    def validate_municipality(self, code: str | None) -> Municipality | None:
        if not code:
            return None
        municipality = Municipality.objects.filter(code=code).first()
        if municipality is None:
            message = _("No such municipality.")
            raise ApiError(400, "municipality_not_found", message, {"municipality": [message]})
        return municipality


class AnswerSerializer(serializers.Serializer):
    accept = serializers.BooleanField(help_text="The receiving municipality accepts the move.")


class DecideSerializer(serializers.Serializer):
    grant = serializers.BooleanField(help_text="The TE office grants the move.")


class TransferRequestList(CatalogueView):
    """GET: the open requests the caller may answer (the receiving municipality) or decide (the TE
    office); each person listed is logged. POST: record a customer's request (R-TG-5; action
    `customers.record_request` on the person)."""

    kk_action = "customers.view_requests"
    method_actions = {"POST": "customers.record_request"}
    schema = MethodCatalogueSchema()
    not_found = ("person_not_found", gettext_lazy("No such person."))

    def initial(self, request, *args, **kwargs):
        self.kk_action = self.method_actions.get(request.method, type(self).kk_action)
        super().initial(request, *args, **kwargs)

    def get_kk_object(self):
        if self.request.method != "POST" or not self.request.user.is_authenticated:
            return None
        body = AskSerializer(data=self.request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        self.body = body.validated_data
        person = Person.objects.filter(pk=self.body["person"]).first()
        if person is None:
            raise self.object_not_found()
        return person

    @extend_schema(tags=TAGS, responses={200: OpenRequestSerializer(many=True), 403: ErrorSerializer})
    def get(self, request):
        today = clock.today()
        with transaction.atomic():
            found = transfer_requests.open_for(request.user, today)
            rows = [*found["to_decide"], *found["to_answer"]]
            persons = {r.person_id: r.person for r in rows}
            audit.record(request.user, persons.values(), "api:transfer-requests", Purpose.TRANSFER)
            return Response(OpenRequestSerializer(rows, many=True).data)

    @extend_schema(tags=TAGS, request=AskSerializer, responses={201: TransferRequestSerializer, **ERRORS})
    def post(self, request):
        person = self.get_kk_object()
        today = clock.today()
        try:
            with transaction.atomic():
                row = transfer_requests.ask(
                    person,
                    actor=request.user,
                    asked_on=self.body.get("asked_on") or today,
                    ground=self.body["ground"],
                    reason=self.body["reason"],
                    services_secured=self.body["services_secured"],
                    municipality=self.body.get("municipality"),
                    recorded_on=today,
                )
                audit.record(request.user, [person], "api:transfer-request", Purpose.TRANSFER)
                data = TransferRequestSerializer(row).data
        except ValidationError as exc:
            raise refused(exc, "request_not_possible") from None
        return Response(data, status=201)


class TransferRequestStep(CatalogueView):
    """One step of a request (answer, decide): the body's one yes/no field, the service call in `step`,
    the access log in the same transaction. Subclasses name the action, the body and the step."""

    body_serializer: type[serializers.Serializer]
    name: str
    not_found = ("transfer_request_not_found", gettext_lazy("No such transfer request."))

    def get_kk_object(self) -> TransferRequest:
        row = (
            TransferRequest.objects.select_related("person", "municipality")
            .filter(pk=self.kwargs["request_id"])
            .first()
        )
        if row is None:
            raise self.object_not_found()
        return row

    def post(self, request, request_id):
        body = self.body_serializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        value = next(iter(body.validated_data.values()))
        try:
            with transaction.atomic():
                row = self.step(self.get_kk_object(), value)
                audit.record(
                    request.user, [row.person], f"api:transfer-request-{self.name}", Purpose.TRANSFER
                )
                data = TransferRequestSerializer(row).data
        except ValidationError as exc:
            raise refused(exc, "request_not_possible") from None
        return Response(data)


class TransferRequestAnswer(TransferRequestStep):
    """The receiving trial municipality accepts the move today, or does not (R-TG-5)."""

    kk_action = "customers.answer_request"
    body_serializer = AnswerSerializer
    name = "answer"

    def step(self, row, value):
        return transfer_requests.answer(row, actor=self.request.user, on=clock.today(), accept=value)

    @extend_schema(tags=TAGS, request=AnswerSerializer, responses={200: TransferRequestSerializer, **ERRORS})
    def post(self, request, request_id):
        return super().post(request, request_id)


class TransferRequestDecide(TransferRequestStep):
    """The TE office's decision today (R-TG-5): a grant needs every condition of the Act and makes the
    customership with its notices (R-TG-7)."""

    kk_action = "customers.decide_request"
    body_serializer = DecideSerializer
    name = "decide"

    def step(self, row, value):
        return transfer_requests.decide(row, actor=self.request.user, on=clock.today(), grant=value)

    @extend_schema(tags=TAGS, request=DecideSerializer, responses={200: TransferRequestSerializer, **ERRORS})
    def post(self, request, request_id):
        return super().post(request, request_id)
