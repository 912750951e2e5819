"""Monthly monitoring through the API (issue 19; R-MON-2, R-MON-3, R-X-1): a trial area's months and a
month's values, read with `monitoring.view` (the area's manager, its ELY centre, the ministry). Figures
only, no personal data: nothing is access-logged. An indicator with no source yet is listed as such."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import get_language, gettext_lazy
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu.monitoring import queries
from kuntakokeilu.monitoring.declarations import by_code, indicators
from kuntakokeilu.monitoring.models import MonthVersion
from kuntakokeilu.regions.models import TrialArea

from .base import CatalogueView
from .transfers.common import ERRORS

TAGS = ["monitoring"]


def _number(text: str) -> bool:
    """A version number as a query parameter: digits that fit the column (a longer one names nothing)."""
    return text.isdigit() and len(text) <= 4


class MonitoringMonthSerializer(serializers.ModelSerializer):
    month = serializers.DateField(format="%Y-%m", help_text="The month, YYYY-MM.")

    class Meta:
        model = MonthVersion
        fields = ["month", "version", "state", "computed_at", "reason"]


class ValueSerializer(serializers.Serializer):
    indicator = serializers.CharField()
    level = serializers.CharField(help_text="municipality, trial_area")
    unit = serializers.CharField(help_text="The municipality's code or the trial area's number.")
    breakdown = serializers.CharField(help_text='"" for the total, e.g. "ground=new_registration".')
    numerator = serializers.IntegerField()
    denominator = serializers.IntegerField(allow_null=True)
    value = serializers.FloatField(allow_null=True, help_text="The count, or numerator / denominator × 100.")


class IndicatorSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField(help_text="In the request's language.")
    unit = serializers.CharField()
    certainty = serializers.CharField()
    source = serializers.CharField(help_text='The app counted, or "none": no source yet (no values).')


class MonthValuesSerializer(MonitoringMonthSerializer):
    indicators = IndicatorSerializer(many=True)
    values = ValueSerializer(many=True)

    class Meta(MonitoringMonthSerializer.Meta):
        fields = [*MonitoringMonthSerializer.Meta.fields, "indicators", "values"]


class AreaMonthsView(CatalogueView):
    kk_action = "monitoring.view"
    not_found = ("trial_area_not_found", gettext_lazy("No such trial area."))

    def get_kk_object(self) -> TrialArea:
        area = TrialArea.objects.filter(number=self.kwargs["number"]).first()
        if area is None:
            raise self.object_not_found()
        return area


class MonitoringMonths(AreaMonthsView):
    """GET: the trial area's computed months, newest first, each in its current version and state."""

    @extend_schema(tags=TAGS, responses={200: MonitoringMonthSerializer(many=True), **ERRORS})
    def get(self, request, number):
        return Response(MonitoringMonthSerializer(queries.months_of(self.get_kk_object()), many=True).data)


class MonitoringMonth(AreaMonthsView):
    """GET: one month's values (its current version, or `?version=N`): every value of the area and its
    municipalities, and the declared indicators (those with no source yet have no values)."""

    not_found = ("month_not_found", gettext_lazy("No such month."))

    @extend_schema(
        tags=TAGS,
        parameters=[OpenApiParameter("version", int, OpenApiParameter.QUERY, required=False)],
        responses={200: MonthValuesSerializer, **ERRORS},
    )
    def get(self, request, number, month):
        area = self.get_kk_object()
        try:
            first = dt.date.fromisoformat(f"{month}-01")
        except ValueError:
            raise self.object_not_found() from None
        versions = MonthVersion.objects.filter(trial_area=area, month=first).order_by("-version")
        wanted = request.query_params.get("version", "")
        version = versions.filter(version=int(wanted)).first() if _number(wanted) else versions.first()
        if version is None:
            raise self.object_not_found()
        lang = (get_language() or "fi")[:2]
        declared = by_code()
        values = [
            {
                "indicator": code,
                "level": level,
                "unit": unit,
                "breakdown": breakdown,
                "numerator": n,
                "denominator": d,
                "value": declared[code].value(n, d) if code in declared else None,
            }
            for (code, level, unit, breakdown), (n, d) in sorted(queries.figures(version).items())
        ]
        data = MonitoringMonthSerializer(version).data | {
            "indicators": [
                {
                    "code": i.code,
                    "name": i.label(lang),
                    "unit": i.unit,
                    "certainty": i.certainty_level,
                    "source": i.source,
                }
                for i in indicators()
            ],
            "values": values,
        }
        return Response(data)
