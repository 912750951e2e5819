"""The plans' serializers: each resource one serializer over its model (output), and the request bodies of a
new plan, a new version and an approval (input)."""

from __future__ import annotations

from rest_framework import serializers

from kuntakokeilu.plans.models import (
    ApprovalChannel,
    Kind,
    Party,
    Plan,
    PlanApproval,
    PlanService,
    PlanStep,
    PlanVersion,
    Responsible,
    ServiceKind,
)


class StepSerializer(serializers.ModelSerializer):
    responsible = serializers.ChoiceField(choices=Responsible.choices)

    class Meta:
        model = PlanStep
        fields = ["text", "due_on", "responsible"]
        extra_kwargs = {"text": {"max_length": 4000}}


class ServiceSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=ServiceKind.choices)

    class Meta:
        model = PlanService
        fields = ["kind", "starts_on", "ends_on"]


class ApprovalSerializer(serializers.ModelSerializer):
    party = serializers.ChoiceField(choices=Party.choices)
    channel = serializers.ChoiceField(choices=ApprovalChannel.choices)

    class Meta:
        model = PlanApproval
        fields = ["party", "approved_on", "channel", "recorded_at"]
        read_only_fields = ["recorded_at"]


class VersionSerializer(serializers.ModelSerializer):
    """A version as recorded; `review_by` computed by the rule `plan-deadlines` on its date."""

    plan = serializers.IntegerField(source="plan_id", read_only=True)
    steps = StepSerializer(many=True)
    services = ServiceSerializer(many=True, required=False)
    approvals = ApprovalSerializer(many=True, read_only=True)

    class Meta:
        model = PlanVersion
        fields = [
            "plan",
            "number",
            "agreed_on",
            "review_by",
            "review_reference",
            "goals",
            "job_search_obligation",
            "notes",
            "extension_months",
            "steps",
            "services",
            "approvals",
            "recorded_at",
        ]
        read_only_fields = ["plan", "number", "review_by", "review_reference", "recorded_at"]
        extra_kwargs = {
            "goals": {"max_length": 4000},
            "job_search_obligation": {"max_length": 4000, "required": False},
            "notes": {"max_length": 4000, "required": False},
            "extension_months": {"required": False, "max_value": 1200},
        }

    def content(self) -> dict:
        """The keyword arguments of `services.add_version`."""
        return dict(self.validated_data)


class PlanSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=Kind.choices)
    municipality = serializers.CharField(
        source="municipality.code", read_only=True, help_text="The trial municipality that made the plan."
    )
    versions = VersionSerializer(many=True, read_only=True, help_text="The versions, the newest first.")

    class Meta:
        model = Plan
        fields = ["id", "kind", "municipality", "versions"]


class NewPlanSerializer(VersionSerializer):
    """A new plan of `kind` and its first version."""

    kind = serializers.ChoiceField(choices=Kind.choices, write_only=True)

    class Meta(VersionSerializer.Meta):
        fields = ["kind", *VersionSerializer.Meta.fields]
