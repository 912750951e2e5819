"""The public comparison series (issue 19 item 6, R-MON-6) without sign-in: action `publicstats.view`.

`statistics/groups/` lists what can be compared (all pilot municipalities, each trial area);
`statistics/comparison/?area=7&from=2021-03&to=2022-08` gives the group's monthly series beside the rest of
mainland Finland's, from `publicstats.queries.comparison` — the same figures as the page and its CSV file.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu.publicstats import queries, series

from .base import CatalogueView, ErrorSerializer
from .errors import ApiError

TAGS = ["public statistics"]
MONTH = re.compile(r"^(19|20)\d\d-(0[1-9]|1[0-2])$")
DEFAULT_FROM = "2018-01"


class GroupSerializer(serializers.Serializer):
    key = serializers.CharField(help_text='"pilot" or the trial area\'s number, as `area` takes it.')
    name_fi = serializers.CharField()
    name_sv = serializers.CharField()
    municipalities = serializers.ListField(
        child=serializers.CharField(), help_text="Member codes (2023 division)."
    )


class SeriesInfoSerializer(serializers.Serializer):
    code = serializers.CharField()
    unit = serializers.CharField()
    available = serializers.BooleanField(
        help_text="False: declared, but no shipped source yet (never estimated)."
    )


class PointSerializer(serializers.Serializer):
    members = serializers.IntegerField(help_text="Municipalities of the group with a row that month.")
    unemployed_jobseekers = serializers.IntegerField(allow_null=True)
    labour_force = serializers.IntegerField(allow_null=True)
    unemployment_rate = serializers.DecimalField(
        max_digits=5,
        decimal_places=1,
        allow_null=True,
        coerce_to_string=False,
        help_text="100 × Σ unemployed / Σ labour force (from sums), rounded half up to 0.1.",
    )
    open_vacancies = serializers.IntegerField(allow_null=True, help_text="The sum of the published cells.")
    vacancies_unpublished = serializers.IntegerField(help_text="Member cells not published (each 1–4).")
    long_term_unemployed = serializers.IntegerField(allow_null=True, help_text="No source yet: always null.")


class ComparisonMonthSerializer(serializers.Serializer):
    month = serializers.CharField(help_text="YYYY-MM, figures at the end of the month.")
    group = PointSerializer()
    rest = PointSerializer(
        help_text="The rest of mainland Finland: every mainland municipality in no trial area."
    )


class ComparisonSerializer(serializers.Serializer):
    group = GroupSerializer()
    rest = GroupSerializer()
    series = SeriesInfoSerializer(many=True)
    source = serializers.CharField()
    months = ComparisonMonthSerializer(many=True)


def _group(group: series.Group, key: str) -> dict:
    return {
        "key": key,
        "name_fi": group.name_fi,
        "name_sv": group.name_sv,
        "municipalities": sorted(group.codes),
    }


def _point(point: series.Point) -> dict:
    return {
        "members": point.members,
        "unemployed_jobseekers": point.unemployed_jobseekers,
        "labour_force": point.labour_force,
        "unemployment_rate": point.unemployment_rate,
        "open_vacancies": point.open_vacancies,
        "vacancies_unpublished": point.vacancies_unpublished,
        "long_term_unemployed": None,
    }


class StatisticsGroups(CatalogueView):
    """The groups the comparison can show: all pilot municipalities and each of the 25 trial areas."""

    kk_action = "publicstats.view"

    @extend_schema(tags=TAGS, responses={200: GroupSerializer(many=True)})
    def get(self, request):
        by_area, pilot, _rest = queries.groups()
        rows = [_group(pilot, "pilot")] + [_group(g, str(n)) for n, g in by_area.items()]
        return Response(GroupSerializer(rows, many=True).data)


def _month(request, name: str, default: str) -> str:
    value = request.query_params.get(name, default)
    if not MONTH.match(value):
        raise ApiError(
            400,
            "invalid_month",
            _("Give the month as YYYY-MM, e.g. 2021-03."),
            fields={name: [_("Give the month as YYYY-MM, e.g. 2021-03.")]},
        )
    return value


class StatisticsComparison(CatalogueView):
    """A group's monthly series beside the rest of mainland Finland's (Åland left out), from StatFin table
    12r5 summed over the municipalities; the statistics run to 2023-10."""

    kk_action = "publicstats.view"

    @extend_schema(
        tags=TAGS,
        parameters=[
            OpenApiParameter(
                "area",
                OpenApiTypes.STR,
                OpenApiParameter.QUERY,
                description='"pilot" (default) or a trial area\'s number.',
            ),
            OpenApiParameter(
                "from",
                OpenApiTypes.STR,
                OpenApiParameter.QUERY,
                description=f"First month, YYYY-MM; default {DEFAULT_FROM}.",
                pattern=MONTH.pattern,
            ),
            OpenApiParameter(
                "to",
                OpenApiTypes.STR,
                OpenApiParameter.QUERY,
                description=f"Last month, YYYY-MM; default {series.LAST_MONTH}.",
                pattern=MONTH.pattern,
            ),
        ],
        responses={200: ComparisonSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def get(self, request):
        key = request.query_params.get("area", "pilot")
        first = _month(request, "from", DEFAULT_FROM)
        last = _month(request, "to", series.LAST_MONTH)
        comparison = queries.comparison(key, first, last)
        if comparison is None:
            raise ApiError(
                404, "trial_area_not_found", _("There is no trial area %(number)s.") % {"number": key}
            )
        data = {
            "group": _group(comparison.group, key),
            "rest": _group(comparison.rest, "rest"),
            "series": [{"code": s.code, "unit": s.unit, "available": s.available} for s in series.SERIES],
            "source": str(series.SOURCE),
            "months": [
                {"month": month, "group": _point(g), "rest": _point(r)} for month, g, r in comparison.rows()
            ],
        }
        return Response(ComparisonSerializer(data).data)
