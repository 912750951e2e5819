"""Transfer notices through the API (R-TG-7): as stored data (codes and dates), with their text, and as a
PDF letter; in their own language unless `lang` asks; every read logged (R-X-2)."""

from __future__ import annotations

from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu.access import audit
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers import notice_letter, notices
from kuntakokeilu.customers.models import SERVICE_LANGUAGES, Ground, Notice, NoticeRecipient, RequestReason
from kuntakokeilu.letters.pdf import render_pdf

from ..base import CatalogueView
from ..customers import PersonView
from ..errors import ApiError
from .common import ERRORS, LANGS, TAGS, OrganisationSerializer

LANG_PARAMETER = OpenApiParameter(
    "lang",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    enum=list(LANGS),
    description="The language of the notice's text; the notice's own language (fi or sv) if omitted.",
)


class NoticeSerializer(serializers.ModelSerializer):
    """A notice as stored: its parties and grounds are the codes of `Notice.data`."""

    customership = serializers.IntegerField(source="customership_id")
    recipient = serializers.ChoiceField(choices=NoticeRecipient.choices)
    language = serializers.ChoiceField(choices=SERVICE_LANGUAGES)
    valid_from = serializers.DateField(source="data.valid_from")
    from_organisation = OrganisationSerializer(source="data.from", allow_null=True)
    to_organisation = OrganisationSerializer(source="data.to", allow_null=True)
    ground = serializers.ChoiceField(source="data.ground", choices=Ground.choices)
    request_reason = serializers.ChoiceField(
        source="data.request_reason", choices=RequestReason.choices, allow_null=True
    )
    accepted_on = serializers.DateField(source="data.accepted_on", allow_null=True)

    class Meta:
        model = Notice
        fields = [
            "id",
            "customership",
            "recipient",
            "language",
            "valid_from",
            "from_organisation",
            "to_organisation",
            "ground",
            "request_reason",
            "accepted_on",
        ]


class NoticeTextSerializer(serializers.Serializer):
    lang = serializers.CharField()
    title = serializers.CharField()
    lines = serializers.ListField(child=serializers.CharField())


class NoticeDetailSerializer(NoticeSerializer):
    """A notice with its text in the language of the context's `lang`."""

    text = serializers.SerializerMethodField()

    class Meta(NoticeSerializer.Meta):
        fields = [*NoticeSerializer.Meta.fields, "text"]

    @extend_schema_field(NoticeTextSerializer)
    def get_text(self, notice: Notice) -> dict:
        return notices.render(notice, self.context["lang"])


def _notices_of(person):
    return Notice.objects.filter(customership__person=person).order_by("customership__valid_from", "pk")


class PersonNotices(PersonView):
    """A job seeker's transfer notices (R-TG-7) as stored data (codes and dates); logged."""

    kk_action = "customers.view_notice"

    @extend_schema(tags=TAGS, responses={200: NoticeSerializer(many=True), **ERRORS})
    def get(self, request, person_id):
        with transaction.atomic():
            person = self.get_kk_object()
            rows = _notices_of(person)
            audit.record(request.user, [person], "api:person-notices", Purpose.CUSTOMER_SERVICE)
            return Response(NoticeSerializer(rows, many=True).data)


class NoticeView(CatalogueView):
    kk_action = "customers.view_notice"
    not_found = ("notice_not_found", gettext_lazy("No such notice."))

    def get_kk_object(self) -> Notice:
        notice = (
            Notice.objects.select_related("customership__person")
            .filter(pk=self.kwargs["notice_id"], customership__person_id=self.kwargs["person_id"])
            .first()
        )
        if notice is None:
            raise self.object_not_found()
        return notice

    def lang(self, notice: Notice) -> str:
        lang = self.request.query_params.get("lang", notice.language)  # an empty `lang` is no language
        if lang not in LANGS:
            raise ApiError(
                400, "invalid_language", _("The language is not valid."), {"lang": [_("Give fi, sv or en.")]}
            )
        return lang


class NoticeDetail(NoticeView):
    """A transfer notice (R-TG-7) with its text, in its own language unless `lang` asks; logged."""

    @extend_schema(tags=TAGS, parameters=[LANG_PARAMETER], responses={200: NoticeDetailSerializer, **ERRORS})
    def get(self, request, person_id, notice_id):
        with transaction.atomic():
            notice = self.get_kk_object()
            lang = self.lang(notice)
            audit.record(
                request.user, [notice.customership.person], "api:notice-detail", Purpose.CUSTOMER_SERVICE
            )
            return Response(NoticeDetailSerializer(notice, context={"lang": lang}).data)


class NoticePdf(NoticeView):
    """A transfer notice (R-TG-7) as a PDF letter, in its own language unless `lang` asks; logged."""

    @extend_schema(
        tags=TAGS,
        parameters=[LANG_PARAMETER],
        responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY), **ERRORS},
    )
    def get(self, request, person_id, notice_id):
        with transaction.atomic():
            notice = self.get_kk_object()
            lang = self.lang(notice)
            audit.record(
                request.user, [notice.customership.person], "api:notice-pdf", Purpose.CUSTOMER_SERVICE
            )
            response = HttpResponse(
                render_pdf(notice_letter.letter(notice, lang)), content_type="application/pdf"
            )
        response["Content-Disposition"] = f'inline; filename="notice-{notice.pk}-{lang}.pdf"'
        return response
