"""The TE office's decision on a transfer request as a letter through the API (issue 14 item 3; L421 s. 5
mom 6, s. 17): its parts as JSON, and the PDF, in the person's service language unless `lang` asks;
behind the notices' action; every read logged (R-X-2). An undecided request has no decision (404)."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu.access import audit
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers import request_letter
from kuntakokeilu.customers.models import TransferRequest
from kuntakokeilu.letters.pdf import render_pdf

from ..base import CatalogueView
from ..errors import ApiError
from .common import ERRORS, LANGS, TAGS

LANG_PARAMETER = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    enum=list(LANGS),
    description="The language of the decision; the person's service language (fi or sv) if omitted.",
)


class SectionSerializer(serializers.Serializer):
    heading = serializers.CharField()
    paragraphs = serializers.ListField(child=serializers.CharField())
    items = serializers.ListField(child=serializers.CharField())


class AppealSerializer(serializers.Serializer):
    heading = serializers.CharField()
    paragraphs = serializers.ListField(child=serializers.CharField())


class DecisionLetterSerializer(serializers.Serializer):
    """The decision letter's parts, final text in `language`."""

    language = serializers.CharField()
    title = serializers.CharField()
    sender = serializers.CharField()
    date = serializers.DateField()
    recipient = serializers.CharField()
    reference = serializers.CharField()
    sections = SectionSerializer(many=True)
    legal_references = serializers.ListField(child=serializers.CharField())
    appeal = AppealSerializer()
    signature = serializers.ListField(child=serializers.CharField())


class DecisionView(CatalogueView):
    kk_action = "customers.view_notice"
    not_found = ("decision_not_found", gettext_lazy("No such decision."))

    def get_kk_object(self) -> TransferRequest:
        found = (
            TransferRequest.objects.select_related(
                "person", "municipality", "handler_te_office", "decided_by", "customership"
            )
            .filter(pk=self.kwargs["request_id"])
            .first()
        )
        if found is None or not request_letter.is_decided(found):
            raise self.object_not_found()
        return found

    def lang(self, found: TransferRequest) -> str:
        lang = self.request.query_params.get("lang", found.person.service_language)
        if lang not in LANGS:
            raise ApiError(
                400, "invalid_language", _("The language is not valid."), {"lang": [_("Give fi, sv or en.")]}
            )
        return lang


class TransferRequestDecision(DecisionView):
    """The decision on a transfer request as a letter's parts, in the service language unless `lang`."""

    @extend_schema(
        tags=TAGS, parameters=[LANG_PARAMETER], responses={200: DecisionLetterSerializer, **ERRORS}
    )
    def get(self, request, request_id):
        with transaction.atomic():
            found = self.get_kk_object()
            letter = request_letter.letter(found, self.lang(found))
            audit.record(
                request.user, [found.person], "api:transfer-request-decision", Purpose.CUSTOMER_SERVICE
            )
            return Response(DecisionLetterSerializer(letter).data)


class TransferRequestDecisionPdf(DecisionView):
    """The decision on a transfer request as a PDF letter, in the service language unless `lang`."""

    @extend_schema(
        tags=TAGS,
        parameters=[LANG_PARAMETER],
        responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY), **ERRORS},
    )
    def get(self, request, request_id):
        with transaction.atomic():
            found = self.get_kk_object()
            lang = self.lang(found)
            audit.record(
                request.user, [found.person], "api:transfer-request-decision-pdf", Purpose.CUSTOMER_SERVICE
            )
            response = HttpResponse(
                render_pdf(request_letter.letter(found, lang)), content_type="application/pdf"
            )
        response["Content-Disposition"] = f'inline; filename="decision-{found.pk}-{lang}.pdf"'
        return response
