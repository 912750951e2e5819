"""A trial area's customer counts through the API (issue 6): customers on each month's last day, per
member municipality and in total; counts of 1–4 and a complementary one hidden (aggregates: no personal
data, not logged)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.customers import counts
from kuntakokeilu.regions.models import TrialArea

from ..base import CatalogueView, ErrorSerializer
from .common import TAGS


class CountSerializer(serializers.Serializer):
    count = serializers.IntegerField(allow_null=True, help_text="null when hidden.")
    suppressed = serializers.ChoiceField(
        choices=["", counts.SMALL, counts.COMPLEMENTARY],
        help_text="small: 1–4 persons; complementary: hidden so that the total does not reveal a small one.",
    )


class MunicipalityCountSerializer(CountSerializer):
    municipality = serializers.CharField()


class MonthCountSerializer(serializers.Serializer):
    month = serializers.CharField(help_text="YYYY-MM")
    on = serializers.DateField(help_text="The month's last day.")
    total = CountSerializer()
    municipalities = serializers.SerializerMethodField()

    @extend_schema_field(MunicipalityCountSerializer(many=True))
    def get_municipalities(self, month) -> list[dict]:
        codes = self.context["codes"]
        return [
            {"municipality": code, "count": cell.count, "suppressed": cell.suppressed}
            for code, cell in zip(codes, month.cells, strict=True)
        ]


class AreaCountsSerializer(serializers.Serializer):
    """`counts.area_counts`' answer for one trial area."""

    trial_area = serializers.IntegerField(source="area.number")
    threshold = serializers.SerializerMethodField(help_text="Counts from 1 to below this are hidden.")
    municipalities = serializers.SerializerMethodField()
    months = MonthCountSerializer(many=True)

    def get_threshold(self, found) -> int:
        return counts.THRESHOLD

    def get_municipalities(self, found) -> list[str]:
        return self.context["codes"]


class TrialAreaCustomerCounts(CatalogueView):
    """A trial area's customers on each month's last day, per member municipality and in total; counts
    of 1–4 and a complementary one hidden (aggregates: no personal data, not logged)."""

    kk_action = "customers.view_customer_counts"
    not_found = ("trial_area_not_found", gettext_lazy("No such trial area."))

    def get_kk_object(self) -> TrialArea:
        area = TrialArea.objects.filter(number=self.kwargs["number"]).first()
        if area is None:
            raise self.object_not_found()
        return area

    @extend_schema(
        tags=TAGS, responses={200: AreaCountsSerializer, 403: ErrorSerializer, 404: ErrorSerializer}
    )
    def get(self, request, number):
        area = self.get_kk_object()
        found = counts.area_counts(area, clock.today())
        codes = [m.code for m in found.members]
        return Response(AreaCountsSerializer(found, context={"codes": codes}).data)
