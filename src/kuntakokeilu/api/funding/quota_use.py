"""A trial area's quota use of a year (R-RES-2, issue 18 item 6): per instrument the quota in force,
committed, paid, remaining, the cumulative months and the forecast at the current pace — the same read model
as the quota-use page (`funding.queries.quota_use`), as of the injected today."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access.actions import grants_for
from kuntakokeilu.funding import queries
from kuntakokeilu.funding.models import Instrument

from ..base import CatalogueView
from ..transfers.common import ERRORS
from .common import TAGS, YEAR_PARAMETER, MethodActions, year_of
from .own_funding import AreaView
from .quotas import ElyView

MONEY = {"max_digits": 14, "decimal_places": 2, "coerce_to_string": True}


class QuotaMonthSerializer(serializers.Serializer):
    month = serializers.IntegerField(help_text="1–12.")
    committed = serializers.DecimalField(help_text="Cumulative net commitments, EUR.", **MONEY)
    paid = serializers.DecimalField(help_text="Cumulative payments, EUR.", **MONEY)


class ForecastSerializer(serializers.Serializer):
    months_elapsed = serializers.SerializerMethodField()
    pace = serializers.DecimalField(help_text="Average committed a month so far, EUR.", **MONEY)
    year_end = serializers.IntegerField(help_text="pace × 12, whole euros.")
    runs_out_in = serializers.IntegerField(
        allow_null=True, help_text="The month the quota runs out at this pace, if before the year end."
    )

    def get_months_elapsed(self, forecast) -> float:
        return round(float(forecast.months_elapsed), 4)


class InstrumentUseSerializer(serializers.Serializer):
    instrument = serializers.ChoiceField(choices=Instrument.choices)
    quota = serializers.IntegerField(allow_null=True, help_text="In force, whole euros (null: none set).")
    committed = serializers.DecimalField(help_text="Commitments less releases, EUR.", **MONEY)
    paid = serializers.DecimalField(**MONEY)
    remaining = serializers.DecimalField(allow_null=True, help_text="Quota less committed, EUR.", **MONEY)
    months = QuotaMonthSerializer(many=True)
    forecast = ForecastSerializer(allow_null=True)


class AreaQuotaUse(AreaView):
    """GET: the trial area's quota use of the year (`year`, this year if omitted) as of today: seen by the
    ministry, the area's ELY officials and its area manager (`funding.view_quotas`)."""

    kk_action = "funding.view_quotas"
    method_actions: dict = {}

    @extend_schema(
        tags=TAGS, parameters=[YEAR_PARAMETER], responses={200: InstrumentUseSerializer(many=True), **ERRORS}
    )
    def get(self, request, number):
        area = self.get_kk_object()
        items = queries.quota_use(area, year_of(request), clock.today())
        return Response(InstrumentUseSerializer(items, many=True).data)


# --- the ELY official's and the ministry's tables of quota use (issue 18 item 6: "API for all of it") ---


class _UseSerializer(serializers.Serializer):
    instrument = serializers.ChoiceField(choices=Instrument.choices)
    committed = serializers.DecimalField(help_text="Commitments less releases, EUR.", **MONEY)
    paid = serializers.DecimalField(**MONEY)


class AreaUseSerializer(_UseSerializer):
    area = serializers.IntegerField(source="place.number", help_text="Trial area number.")
    quota = serializers.IntegerField(allow_null=True, help_text="In force, whole euros (null: none set).")
    remaining = serializers.DecimalField(allow_null=True, help_text="Quota less committed, EUR.", **MONEY)


class ElyUseSerializer(_UseSerializer):
    ely = serializers.CharField(source="place.code", help_text="ELY code.")
    allocation = serializers.IntegerField(
        source="quota", allow_null=True, help_text="The ministry's allocation, whole euros (null: none)."
    )
    remaining = serializers.DecimalField(
        allow_null=True, help_text="Allocation less committed, EUR.", **MONEY
    )


class ElyQuotaUse(ElyView):
    """GET: the ELY centre's allocation across its trial areas in the year (`year`, this year if omitted): per
    instrument and area the quota in force, committed, paid and remaining — the ELY page's table
    (`funding.queries.ely_use`); seen by the ministry and the centre's officials (`funding.view_quotas`)."""

    kk_action = "funding.view_quotas"
    method_actions: dict = {}

    @extend_schema(
        tags=TAGS, parameters=[YEAR_PARAMETER], responses={200: AreaUseSerializer(many=True), **ERRORS}
    )
    def get(self, request, ely_code):
        ely = self.get_kk_object()
        return Response(AreaUseSerializer(queries.ely_use(ely, year_of(request)), many=True).data)


class QuotaUseAcrossElys(MethodActions, CatalogueView):
    """GET: the allocations across the ELY centres in the year: per instrument and centre the allocation,
    committed, paid and remaining — the ministry's table (`funding.queries.ministry_use`); the ministry sees
    every centre, an ELY official their own (`funding.view_quotas`)."""

    kk_action = "funding.view_quotas"
    method_actions: dict = {}

    @extend_schema(
        tags=TAGS, parameters=[YEAR_PARAMETER], responses={200: ElyUseSerializer(many=True), **ERRORS}
    )
    def get(self, request):
        year = year_of(request)
        grants = grants_for(request.user, "funding.view_quotas", clock.today())
        elys = None if any(g.everything for g in grants) else {c for g in grants for c in g.elys}
        return Response(ElyUseSerializer(queries.ministry_use(year, elys), many=True).data)
