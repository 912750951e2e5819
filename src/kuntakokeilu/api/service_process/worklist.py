"""The caller's worklist of deadlines through the API (R-SP-2): `queries.worklist` over the caller's
grants (in SQL, `workitems.handled_by`), the counts of every group on top, 50 rows a page, soonest first;
an area manager's list holds the items escalated to the area, as on the page. Each person listed is
logged (R-X-2)."""

from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import grants_for
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.access.roles import Role
from kuntakokeilu.rules.messages import Message
from kuntakokeilu.service_process import queries
from kuntakokeilu.service_process.deadlines import ITEM_TYPES
from kuntakokeilu.service_process.explanations import ITEM_LABELS
from kuntakokeilu.service_process.models import DueItem
from kuntakokeilu.workitems import groups

from ..base import CatalogueView, ErrorSerializer
from ..errors import ApiError
from ..transfers.common import PersonRefSerializer
from .common import LANG_PARAMETER, TAGS, explanation_lang

ACTION = "service_process.view_worklist"
PARAMETERS = [
    OpenApiParameter(
        "group",
        OpenApiTypes.STR,
        OpenApiParameter.QUERY,
        enum=list(groups.GROUPS),
        description="overdue (due before today), today, week (due from today to Sunday) or all; "
        "overdue if omitted.",
    ),
    OpenApiParameter(
        "page", OpenApiTypes.INT, OpenApiParameter.QUERY, description="1 if omitted; 50 rows a page."
    ),
    LANG_PARAMETER,
]


class CountsSerializer(serializers.Serializer):
    overdue = serializers.IntegerField()
    today = serializers.IntegerField()
    week = serializers.IntegerField()
    all = serializers.IntegerField()


class WorkItemSerializer(serializers.ModelSerializer):
    person = PersonRefSerializer()
    type = serializers.ChoiceField(choices=ITEM_TYPES)
    label = serializers.SerializerMethodField(help_text="The item's name in the request's language.")
    overdue = serializers.SerializerMethodField()
    handler_municipality = serializers.CharField(
        source="handler_municipality.code", help_text="The municipality whose customer the person is."
    )
    reference = serializers.CharField(help_text="The legal reference.")

    class Meta:
        model = DueItem
        fields = [
            "id",
            "person",
            "type",
            "label",
            "count",
            "event_date",
            "due_by",
            "overdue",
            "handler_municipality",
            "reference",
            "rule_version",
        ]

    def get_label(self, item: DueItem) -> str:
        return Message(ITEM_LABELS[item.type]).render(self.context["lang"])

    def get_overdue(self, item: DueItem) -> bool:
        return item.overdue(self.context["on"])


class WorklistSerializer(serializers.Serializer):
    on = serializers.DateField()
    group = serializers.ChoiceField(choices=groups.GROUPS)
    escalated_before = serializers.DateField(
        allow_null=True, help_text="An area manager's list: the open items due before this day."
    )
    counts = CountsSerializer(help_text="The number of items in every group, the page's group or not.")
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    results = WorkItemSerializer(many=True)


def _invalid(parameter: str, message: str) -> ApiError:
    return ApiError(400, f"invalid_{parameter}", _("The request has invalid values."), {parameter: [message]})


class ServiceWorklist(CatalogueView):
    """The deadlines the caller's grants handle (R-SP-2), a group's page of 50, soonest first, with the
    counts of every group; each person listed is logged."""

    kk_action = ACTION

    @extend_schema(
        tags=TAGS,
        parameters=PARAMETERS,
        responses={200: WorklistSerializer, 400: ErrorSerializer, 403: ErrorSerializer},
    )
    def get(self, request):
        today = clock.today()
        lang = explanation_lang(request)
        group = request.query_params.get("group", "overdue")
        if group not in groups.GROUPS:
            raise _invalid("group", _("Give overdue, today, week or all."))
        grants = grants_for(request.user, ACTION, today)
        # the area manager's list: the overdue items escalated to the area (R-SP-2), as on the page
        escalated = bool(grants) and all(g.role == Role.AREA_MANAGER for g in grants)
        with transaction.atomic():
            rows, counts = queries.worklist(grants, today, group=group, escalated=escalated)
            try:
                page = Paginator(rows, groups.ROWS_PER_PAGE).page(request.query_params.get("page", 1))
            except (EmptyPage, PageNotAnInteger):
                raise _invalid("page", _("Give a page number from 1 to the number of pages.")) from None
            items = list(page.object_list)
            audit.record(
                request.user, {i.person for i in items}, "api:service-worklist", Purpose.CUSTOMER_SERVICE
            )
            found = {
                "on": today,
                "group": group,
                "escalated_before": queries.escalated_before(today) if escalated else None,
                "counts": counts,
                "page": page.number,
                "pages": page.paginator.num_pages,
                "results": items,
            }
            return Response(WorklistSerializer(found, context={"on": today, "lang": lang}).data)
