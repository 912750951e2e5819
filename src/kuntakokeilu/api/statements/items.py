"""Statements and notices through the API (R-SP-8): the caller's open statements and notices by deadline
(`statements.view`, filtered in SQL by the grants), status changes (`statements.record`: send, acknowledge),
and the TE office's notices sent to it (`statements.view_notices`) with their acknowledgement."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import grants_for
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.statements import services
from kuntakokeilu.statements.models import Statement, Status, TeOfficeNotice

from ..base import CatalogueView
from ..transfers.common import ERRORS, invalid, refused

TAGS = ["statements"]


class LabourPolicyStatementSerializer(serializers.ModelSerializer):
    """A labour-policy statement: its event, recipient, subject, deadline and status."""

    person = serializers.UUIDField(source="person_id", read_only=True)
    municipality = serializers.CharField(source="handler_municipality.code", read_only=True)

    class Meta:
        model = Statement
        fields = [
            "id",
            "event",
            "person",
            "municipality",
            "recipient",
            "fund_name",
            "subject",
            "event_date",
            "due_by",
            "status",
            "sent_on",
            "acknowledged_on",
            "text",
            "reference",
        ]


class TeOfficeNoticeSerializer(serializers.ModelSerializer):
    """A notice to the TE office: its event, the TE office, the ladder step (information) and status."""

    person = serializers.UUIDField(source="person_id", read_only=True)
    municipality = serializers.CharField(source="handler_municipality.code", read_only=True)
    te_office = serializers.CharField(source="handler_te_office.code", read_only=True, allow_null=True)
    ladder_step = serializers.IntegerField(source="event.ladder_step", read_only=True, allow_null=True)
    consequence = serializers.CharField(source="event.consequence", read_only=True)

    class Meta:
        model = TeOfficeNotice
        fields = [
            "id",
            "event",
            "person",
            "municipality",
            "te_office",
            "event_date",
            "due_by",
            "status",
            "sent_on",
            "acknowledged_on",
            "ladder_step",
            "consequence",
            "text",
            "reference",
        ]


class StatusStepSerializer(serializers.Serializer):
    step = serializers.ChoiceField(choices=["send", "acknowledge"])


def _step(request) -> str:
    body = StatusStepSerializer(data=request.data)
    if not body.is_valid():
        raise invalid(body.errors)
    return body.validated_data["step"]


class StatementList(CatalogueView):
    """The open statements the caller's municipalities handle, soonest first; every person logged."""

    kk_action = "statements.view"

    @extend_schema(tags=TAGS, responses={200: LabourPolicyStatementSerializer(many=True), **ERRORS})
    def get(self, request):
        today = clock.today()
        grants = grants_for(request.user, self.kk_action, today)
        with transaction.atomic():
            rows = list(
                Statement.objects.open()
                .handled_by(grants)
                .select_related("person", "handler_municipality")[:500]
            )
            audit.record(request.user, {r.person for r in rows}, "api:statements", Purpose.CUSTOMER_SERVICE)
            return Response(LabourPolicyStatementSerializer(rows, many=True).data)


class NoticeList(CatalogueView):
    """The open notices to the TE office the caller's municipalities make (due without delay)."""

    kk_action = "statements.view"

    @extend_schema(tags=TAGS, responses={200: TeOfficeNoticeSerializer(many=True), **ERRORS})
    def get(self, request):
        today = clock.today()
        grants = grants_for(request.user, self.kk_action, today)
        with transaction.atomic():
            rows = list(
                TeOfficeNotice.objects.open()
                .handled_by(grants)
                .select_related("person", "event", "handler_municipality", "handler_te_office")[:500]
            )
            audit.record(
                request.user, {r.person for r in rows}, "api:statement-notices", Purpose.CUSTOMER_SERVICE
            )
            return Response(TeOfficeNoticeSerializer(rows, many=True).data)


class StatementStatus(CatalogueView):
    """Mark a statement sent or acknowledged (draft → sent → acknowledged); another step is refused (400)."""

    kk_action = "statements.record"
    not_found = ("statement_not_found", gettext_lazy("No such statement."))

    def get_kk_object(self):
        found = (
            Statement.objects.select_related("event__municipality")
            .filter(pk=self.kwargs["statement_id"])
            .first()
        )
        if found is None:
            raise self.object_not_found()
        return found

    @extend_schema(
        tags=TAGS, request=StatusStepSerializer, responses={200: LabourPolicyStatementSerializer, **ERRORS}
    )
    def post(self, request, statement_id):
        step = _step(request)
        try:
            with transaction.atomic():
                item = services.change_status(self.get_kk_object(), step, by=request.user, on=clock.today())
                audit.record(request.user, [item.person], "api:statement-status", Purpose.CUSTOMER_SERVICE)
                return Response(LabourPolicyStatementSerializer(item).data)
        except ValidationError as exc:
            raise refused(exc, "status_refused") from None


class NoticeStatus(CatalogueView):
    """Mark a notice to the TE office sent or acknowledged; another step is refused (400)."""

    kk_action = "statements.record"
    not_found = ("notice_not_found", gettext_lazy("No such notice."))

    def get_kk_object(self):
        found = (
            TeOfficeNotice.objects.select_related("event__municipality", "handler_te_office")
            .filter(pk=self.kwargs["te_notice_id"])
            .first()
        )
        if found is None:
            raise self.object_not_found()
        return found

    @extend_schema(
        tags=TAGS, request=StatusStepSerializer, responses={200: TeOfficeNoticeSerializer, **ERRORS}
    )
    def post(self, request, te_notice_id):
        step = _step(request)
        try:
            with transaction.atomic():
                item = services.change_status(self.get_kk_object(), step, by=request.user, on=clock.today())
                audit.record(request.user, [item.person], "api:notice-status", Purpose.CUSTOMER_SERVICE)
                return Response(TeOfficeNoticeSerializer(item).data)
        except ValidationError as exc:
            raise refused(exc, "status_refused") from None


class TeOfficeNotices(CatalogueView):
    """The notices sent to the caller's TE offices; every person logged."""

    kk_action = "statements.view_notices"

    @extend_schema(tags=TAGS, responses={200: TeOfficeNoticeSerializer(many=True), **ERRORS})
    def get(self, request):
        grants = grants_for(request.user, self.kk_action, clock.today())
        with transaction.atomic():
            rows = list(
                TeOfficeNotice.objects.handled_by(grants)
                .exclude(status=Status.DRAFT)
                .select_related("person", "event", "handler_municipality", "handler_te_office")[:500]
            )
            audit.record(
                request.user, {r.person for r in rows}, "api:te-office-notices", Purpose.CUSTOMER_SERVICE
            )
            return Response(TeOfficeNoticeSerializer(rows, many=True).data)


class TeOfficeAcknowledge(NoticeStatus):
    """The TE office acknowledges a notice sent to it (sent → acknowledged)."""

    kk_action = "statements.view_notices"

    @extend_schema(tags=TAGS, request=None, responses={200: TeOfficeNoticeSerializer, **ERRORS})
    def post(self, request, te_notice_id):
        try:
            with transaction.atomic():
                item = self.get_kk_object()
                item = services.change_status(item, "acknowledge", by=request.user, on=clock.today())
                audit.record(request.user, [item.person], "api:te-office-notice", Purpose.CUSTOMER_SERVICE)
                return Response(TeOfficeNoticeSerializer(item).data)
        except ValidationError as exc:
            raise refused(exc, "status_refused") from None
