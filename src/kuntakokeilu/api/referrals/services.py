"""The person's services and one referral's events (see the package's docstring)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.plans.models import PlanVersion
from kuntakokeilu.referrals import services
from kuntakokeilu.referrals.models import (
    InterruptionReason,
    Outcome,
    Referral,
    Selection,
    ServiceKind,
    State,
)
from kuntakokeilu.service_process.services import Refused

from ..base import CatalogueView
from ..customers import PersonView
from ..errors import ApiError
from ..transfers.common import ERRORS, BlankAsNullChoiceField, MethodCatalogueSchema, invalid

TAGS = ["services"]


class ReferralSerializer(serializers.ModelSerializer):
    """One service: the referral, the participation and its outcome (R-SP-6)."""

    kind = serializers.ChoiceField(choices=ServiceKind.choices)
    plan_version = serializers.PrimaryKeyRelatedField(
        queryset=PlanVersion.objects.all(),
        required=False,
        allow_null=True,
        help_text="The id of the job seeker's own plan version in which the service was agreed (R-SP-5).",
    )
    state = serializers.ChoiceField(choices=State.choices, read_only=True)
    municipality = serializers.CharField(
        source="municipality.code",
        read_only=True,
        help_text="The trial municipality whose customer the job seeker was on the referral's date.",
    )
    interruption_reason = BlankAsNullChoiceField(choices=InterruptionReason.choices, read_only=True)
    outcome = BlankAsNullChoiceField(choices=Outcome.choices, read_only=True)
    selection = BlankAsNullChoiceField(
        choices=Selection.choices,
        read_only=True,
        help_text="Labour-market training: the selection received from the TE office or ELY centre.",
    )

    class Meta:
        model = Referral
        fields = [
            "id",
            "kind",
            "provider",
            "referred_on",
            "plan_version",
            "municipality",
            "state",
            "started_on",
            "planned_end",
            "actual_end",
            "interruption_reason",
            "interruption_text",
            "refused_on",
            "outcome",
            "selection",
            "selection_on",
        ]
        read_only_fields = [f for f in fields if f not in ("kind", "provider", "referred_on", "plan_version")]


class StartSerializer(serializers.Serializer):
    started_on = serializers.DateField()
    planned_end = serializers.DateField()


class EndSerializer(serializers.Serializer):
    actual_end = serializers.DateField()
    outcome = serializers.ChoiceField(choices=[Outcome.COMPLETED.value, Outcome.OTHER.value])


class InterruptSerializer(serializers.Serializer):
    interrupted_on = serializers.DateField()
    reason = serializers.ChoiceField(choices=InterruptionReason.choices)
    text = serializers.CharField(required=False, allow_blank=True, default="")


class RefuseSerializer(serializers.Serializer):
    refused_on = serializers.DateField()


class SelectionSerializer(serializers.Serializer):
    selection = serializers.ChoiceField(choices=Selection.choices)
    selection_on = serializers.DateField()


EVENTS = {
    "start": (StartSerializer, services.start),
    "end": (EndSerializer, services.end),
    "interrupt": (InterruptSerializer, services.interrupt),
    "refuse": (RefuseSerializer, services.refuse),
    "select": (SelectionSerializer, services.record_selection),
}


def refused_error(refused: Refused) -> ApiError:
    message = str(refused.message)
    fields = {refused.field: [message]} if refused.field else None
    return ApiError(400, "service_refused", message, fields)


class PersonServices(PersonView):
    """GET: a job seeker's services, the latest referral first; logged. POST: refer the job seeker to a
    service (R-SP-6); a referral after today or outside a customership of a trial municipality is refused
    (400, the field and the message in the request's language) and nothing is written."""

    kk_action = "referrals.view"
    method_actions = {"POST": "referrals.record"}
    schema = MethodCatalogueSchema()

    def initial(self, request, *args, **kwargs):
        self.kk_action = self.method_actions.get(request.method, type(self).kk_action)
        super().initial(request, *args, **kwargs)

    @extend_schema(tags=TAGS, responses={200: ReferralSerializer(many=True), **ERRORS})
    def get(self, request, person_id):
        with transaction.atomic():
            person = self.get_kk_object()
            rows = person.referrals.select_related("municipality").order_by("-referred_on", "-id")
            audit.record(request.user, [person], "api:person-services", Purpose.CUSTOMER_SERVICE)
            return Response(ReferralSerializer(rows, many=True).data)

    @extend_schema(tags=TAGS, request=ReferralSerializer, responses={201: ReferralSerializer, **ERRORS})
    def post(self, request, person_id):
        body = ReferralSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        try:
            with transaction.atomic():
                person = self.get_kk_object()
                referral = services.refer(request.user, person, today=clock.today(), **body.validated_data)
                audit.record(request.user, [person], "api:person-services", Purpose.CUSTOMER_SERVICE)
                data = ReferralSerializer(referral).data
        except Refused as refused:
            raise refused_error(refused) from None
        return Response(data, status=201)


class ReferralEvent(CatalogueView):
    """POST: an event of one referral — `start` (started_on, planned_end), `end` (actual_end, outcome),
    `interrupt` (interrupted_on, reason, text), `refuse` (refused_on), `select` (selection, selection_on:
    labour-market training). A change the referral's state does not allow, or dates outside the service
    (e.g. an end before the start), are refused (400) and nothing changes."""

    kk_action = "referrals.record"
    not_found = ("referral_not_found", gettext_lazy("No such service referral."))
    event = ""

    def get_kk_object(self):
        referral = (
            Referral.objects.select_related("person")
            .filter(pk=self.kwargs["referral_id"], person_id=self.kwargs["person_id"])
            .first()
        )
        if referral is None:
            raise self.object_not_found()
        return referral

    def post(self, request, person_id, referral_id):
        serializer_class, call = EVENTS[self.event]
        body = serializer_class(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        try:
            with transaction.atomic():
                referral = call(
                    request.user, self.get_kk_object(), today=clock.today(), **body.validated_data
                )
                audit.record(request.user, [referral.person], "api:person-services", Purpose.CUSTOMER_SERVICE)
                data = ReferralSerializer(referral).data
        except Refused as refused:
            raise refused_error(refused) from None
        return Response(data)


def event_view(event: str):
    """The view of one event, documented with its own request body."""

    def post(self, request, person_id, referral_id):
        return ReferralEvent.post(self, request, person_id, referral_id)

    documented = extend_schema(
        tags=TAGS,
        request=EVENTS[event][0],
        responses={200: ReferralSerializer, **ERRORS},
        operation_id=f"person_services_{event}",
    )(post)
    view = type(f"Referral{event.title()}", (ReferralEvent,), {"event": event, "post": documented})
    view.__doc__ = ReferralEvent.__doc__
    return view.as_view()
