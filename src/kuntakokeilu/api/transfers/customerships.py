"""A job seeker's customerships through the API (R-TG-3): who was responsible from when to when, on which
ground, with the stored decision explained in the request's language; every read logged (R-X-2)."""

from __future__ import annotations

from django.db import transaction
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu.access import audit
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers import customerships
from kuntakokeilu.customers.models import Customership, Ground, RequestReason, Responsible
from kuntakokeilu.rules.outcome import STATUSES

from ..customers import PersonView
from .common import ERRORS, TAGS, BlankAsNullChoiceField, request_lang


class DecisionCheckSerializer(serializers.Serializer):
    code = serializers.CharField()
    status = serializers.ChoiceField(choices=STATUSES)
    explanation = serializers.SerializerMethodField(
        help_text="The check's message in the request's language."
    )

    def get_explanation(self, check) -> str:
        return check.message.render(self.context.get("lang") or request_lang())


class TargetGroupDecisionSerializer(serializers.Serializer):
    """A stored `Outcome` as it was made: codes and figures, the checks explained."""

    rule = serializers.CharField()
    rule_version = serializers.CharField()
    on = serializers.DateField()
    result = serializers.JSONField(help_text="The rule's result as codes and figures.")
    status = serializers.CharField(allow_null=True)
    checks = DecisionCheckSerializer(many=True)


class CustomershipSerializer(serializers.ModelSerializer):
    responsible = serializers.ChoiceField(choices=Responsible.choices)
    municipality = serializers.CharField(
        source="municipality.code", allow_null=True, help_text="The trial municipality's code."
    )
    te_office = serializers.CharField(
        source="te_office.code", allow_null=True, help_text="The TE office's code."
    )
    employment_area = serializers.CharField(
        source="employment_area.code",
        allow_null=True,
        help_text="The employment area's code (from the pilot's end, Act 380/2023).",
    )
    valid_to = serializers.DateField(allow_null=True, help_text="Inclusive; null while open.")
    ground = serializers.ChoiceField(choices=Ground.choices)
    request_reason = BlankAsNullChoiceField(choices=RequestReason.choices, allow_null=True)
    decision = serializers.SerializerMethodField(help_text="The stored decision, as it was made.")

    class Meta:
        model = Customership
        fields = [
            "id",
            "responsible",
            "municipality",
            "te_office",
            "employment_area",
            "valid_from",
            "valid_to",
            "ground",
            "request_reason",
            "accepted_on",
            "rule_version",
            "decision",
        ]

    @extend_schema_field(TargetGroupDecisionSerializer(allow_null=True))
    def get_decision(self, row: Customership) -> dict | None:
        outcome = customerships.explanation(row)
        return None if outcome is None else TargetGroupDecisionSerializer(outcome, context=self.context).data


class PersonCustomerships(PersonView):
    """A job seeker's customerships (R-TG-3): who was responsible from when to when, on which ground,
    with the stored decision's checks explained in the request's language; logged."""

    kk_action = "customers.view_person"

    @extend_schema(tags=TAGS, responses={200: CustomershipSerializer(many=True), **ERRORS})
    def get(self, request, person_id):
        with transaction.atomic():
            person = self.get_kk_object()
            rows = customerships.timeline(person)
            audit.record(request.user, [person], "api:person-customerships", Purpose.CUSTOMER_SERVICE)
            return Response(CustomershipSerializer(rows, many=True).data)
