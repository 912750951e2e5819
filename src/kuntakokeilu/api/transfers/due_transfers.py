"""The 7-day worklist through the API (R-TG-4): the open transfers the caller's organisation must make,
and making one; each person listed or changed is logged (R-X-2)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers import worklist
from kuntakokeilu.customers.models import DueTransfer, Ground, KeepReason

from ..base import CatalogueView, ErrorSerializer
from .common import (
    ERRORS,
    TAGS,
    BlankAsNullChoiceField,
    OrganisationSerializer,
    PersonRefSerializer,
    invalid,
    refused,
)
from .customerships import CustomershipSerializer


class DueTransferSerializer(serializers.ModelSerializer):
    """A due transfer; `overdue` as on the context's `on`."""

    person = PersonRefSerializer()
    ground = serializers.ChoiceField(choices=Ground.choices)
    overdue = serializers.SerializerMethodField()
    handler_te_office = serializers.CharField(source="handler_te_office.code", allow_null=True)
    handler_municipality = serializers.CharField(source="handler_municipality.code", allow_null=True)
    target = OrganisationSerializer(help_text="The organisation the rule names.")
    amendment = serializers.CharField(
        help_text="The amendment that widened the target group (ground law_widened), e.g. 149/2023."
    )
    status = serializers.CharField(help_text="open, done, kept (by the TE office) or cancelled.")
    keep_reason = BlankAsNullChoiceField(choices=KeepReason.choices, allow_null=True)

    class Meta:
        model = DueTransfer
        fields = [
            "id",
            "person",
            "ground",
            "event_date",
            "due_by",
            "overdue",
            "handler_te_office",
            "handler_municipality",
            "target",
            "rule_version",
            "amendment",
            "status",
            "keep_reason",
            "keep_text",
        ]

    def get_overdue(self, due: DueTransfer) -> bool:
        return due.overdue(self.context["on"])


class DueTransferList(CatalogueView):
    """The open transfers the caller's organisation must make (R-TG-4), the earliest deadline first;
    each person listed is logged."""

    kk_action = "customers.view_due_transfers"

    @extend_schema(tags=TAGS, responses={200: DueTransferSerializer(many=True), 403: ErrorSerializer})
    def get(self, request):
        today = clock.today()
        with transaction.atomic():
            rows = worklist.open_for(request.user, today)
            audit.record(
                request.user,
                {d.person_id: d.person for d in rows}.values(),
                "api:due-transfers",
                Purpose.TRANSFER,
            )
            return Response(DueTransferSerializer(rows, many=True, context={"on": today}).data)


class OneDueTransfer(CatalogueView):
    """A view of one due transfer: missing and refused answer the same 404 (R-X-1, R-X-2)."""

    not_found = ("due_transfer_not_found", gettext_lazy("No such due transfer."))

    def get_kk_object(self) -> DueTransfer:
        due = DueTransfer.objects.select_related("person").filter(pk=self.kwargs["due_id"]).first()
        if due is None:
            raise self.object_not_found()
        return due


class DueTransferComplete(OneDueTransfer):
    """Make a due transfer today (R-TG-4): the customership and its notices (R-TG-7). Answers the new
    customership; a transfer no longer due is refused (400) and nothing changes."""

    kk_action = "customers.complete_transfer"

    @extend_schema(tags=TAGS, request=None, responses={201: CustomershipSerializer, **ERRORS})
    def post(self, request, due_id):
        try:
            with transaction.atomic():
                due = self.get_kk_object()
                row = worklist.complete(due, actor=request.user, on=clock.today())
                audit.record(request.user, [due.person], "api:complete-transfer", Purpose.TRANSFER)
                data = CustomershipSerializer(row).data
        except ValidationError as exc:
            raise refused(exc, "transfer_not_possible") from None
        return Response(data, status=201)


# --- issue 14: the TE office keeps a person (L1269 s. 5 mom 3, mom 5 after L671/2022) ---


class KeepSerializer(serializers.Serializer):
    keep_reason = serializers.CharField(
        allow_blank=True, help_text="linguistic_rights, inappropriate_relationship or other"
    )
    keep_text = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class DueTransferKeep(OneDueTransfer):
    """Keep the person with the TE office today instead of transferring (L1269 s. 5 mom 3/5), with the
    reason (another justified reason needs `keep_text`). Answers the due transfer, now `kept`; bad input
    is refused (400) and nothing changes."""

    kk_action = "customers.keep_with_te_office"

    @extend_schema(tags=TAGS, request=KeepSerializer, responses={200: DueTransferSerializer, **ERRORS})
    def post(self, request, due_id):
        body = KeepSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        today = clock.today()
        try:
            with transaction.atomic():
                due = self.get_kk_object()
                row = worklist.keep(
                    due,
                    actor=request.user,
                    on=today,
                    reason=body.validated_data["keep_reason"],
                    text=body.validated_data["keep_text"],
                )
                audit.record(request.user, [due.person], "api:keep-transfer", Purpose.TRANSFER)
                data = DueTransferSerializer(row, context={"on": today}).data
        except ValidationError as exc:
            raise refused(exc, "keep_not_possible") from None
        return Response(data)
