"""Payments of a trial area's benefit decisions by import (R-RES-2; issue 18 item 4): the CSV text in a JSON
body, all or nothing, every error by line and field in the request's language."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access.actions import can
from kuntakokeilu.decisions import ledger
from kuntakokeilu.funding import services

from ..errors import ApiError
from ..transfers.common import ERRORS, invalid
from .common import TAGS, refused
from .own_funding import AreaView


class PaymentsImportSerializer(serializers.Serializer):
    csv = serializers.CharField(
        trim_whitespace=False,
        max_length=5_000_000,
        help_text="CSV with a header: diary_number, payment_date, amount_eur, payment_reference; `,` or `;`.",
    )


class PaymentsImportedSerializer(serializers.Serializer):
    recorded = serializers.IntegerField(help_text="The number of payments recorded.")


class AreaPayments(AreaView):
    """POST (the area's manager, an administrator): record the payments of the area's accepted decisions
    from CSV. Any error refuses the whole file (400 `import_refused`, the errors under `csv`)."""

    kk_action = "funding.import_payments"
    method_actions: dict[str, str] = {}

    @extend_schema(
        tags=TAGS, request=PaymentsImportSerializer, responses={201: PaymentsImportedSerializer, **ERRORS}
    )
    def post(self, request, number):
        area = self.get_kk_object()
        today = clock.today()
        if not can(request.user, "funding.import_payments", area, today):
            raise self.object_not_found()
        body = PaymentsImportSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        try:
            count = ledger.import_payments(
                request.user, data=body.validated_data["csv"], today=today, area=area
            )
        except services.ImportRefused as exc:
            raise ApiError(
                400, "import_refused", _("The request has invalid values."), {"csv": exc.errors}
            ) from None
        except services.Refused as exc:
            raise refused(exc, "payments_refused") from None
        return Response(PaymentsImportedSerializer({"recorded": count}).data, status=201)
