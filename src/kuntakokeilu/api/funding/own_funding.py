"""A trial area's own funding (R-RES-4) and state person-years (R-RES-3)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.funding import queries, services
from kuntakokeilu.funding.models import StatePersonYears
from kuntakokeilu.regions.models import Municipality, TrialArea
from kuntakokeilu.rules.parameters import default_store

from ..base import CatalogueView
from ..transfers.common import ERRORS, MethodCatalogueSchema, invalid, request_lang
from .common import MAX_EUR, TAGS, YEAR_PARAMETER, MethodActions, refused, year_of


class MunicipalityFundingSerializer(serializers.Serializer):
    municipality = serializers.CharField(source="municipality.code")
    expenditure_2018 = serializers.IntegerField(source="expenditure", allow_null=True)
    expenditure_by_form = serializers.DictField(source="by_form", child=serializers.IntegerField())
    reference = serializers.SerializerMethodField()
    planned_eur = serializers.IntegerField(source="resourcing.planned_eur", allow_null=True, default=None)
    planned_person_years = serializers.DecimalField(
        source="resourcing.planned_person_years",
        max_digits=7,
        decimal_places=2,
        allow_null=True,
        default=None,
    )
    realised_eur = serializers.IntegerField(source="resourcing.realised_eur", allow_null=True, default=None)
    realised_person_years = serializers.DecimalField(
        source="resourcing.realised_person_years",
        max_digits=7,
        decimal_places=2,
        allow_null=True,
        default=None,
    )
    shortfall = serializers.IntegerField(allow_null=True)
    explanation = serializers.SerializerMethodField()

    def get_reference(self, row) -> int | None:
        return row.reference.amount if row.reference else None

    def get_explanation(self, row) -> str | None:
        return row.explanation.render(self.context["lang"]) if row.explanation else None


class OwnResourcingSerializer(serializers.Serializer):
    municipality = serializers.CharField(help_text="Kunta code of a member of the trial area.")
    year = serializers.IntegerField()
    planned_eur = serializers.IntegerField(min_value=0, max_value=MAX_EUR)
    planned_person_years = serializers.DecimalField(max_digits=7, decimal_places=2, min_value=0)
    realised_eur = serializers.IntegerField(
        min_value=0, max_value=MAX_EUR, required=False, allow_null=True, default=None
    )
    realised_person_years = serializers.DecimalField(
        max_digits=7, decimal_places=2, min_value=0, required=False, allow_null=True, default=None
    )


class PersonYearsSerializer(serializers.ModelSerializer):
    class Meta:
        model = StatePersonYears
        fields = ["year", "person_years", "source"]


class AreaView(MethodActions, CatalogueView):
    not_found = ("trial_area_not_found", gettext_lazy("No such trial area."))

    def get_kk_object(self) -> TrialArea:
        area = TrialArea.objects.filter(number=self.kwargs["number"]).first()
        if area is None:
            raise self.object_not_found()
        return area


class AreaOwnFunding(AreaView):
    """GET: each member municipality's 2018 expenditure, the year's reference (15 %), planned and realised
    own resourcing and the shortfall. POST (the area manager): record a municipality's planned and
    realised own resourcing of a year."""

    kk_action = "funding.view_own_funding"
    method_actions = {"POST": "funding.record_own_funding"}
    schema = MethodCatalogueSchema()

    @extend_schema(
        tags=TAGS,
        parameters=[YEAR_PARAMETER],
        responses={200: MunicipalityFundingSerializer(many=True), **ERRORS},
    )
    def get(self, request, number):
        area = self.get_kk_object()
        rows = queries.own_funding(area, year_of(request), default_store())
        return Response(MunicipalityFundingSerializer(rows, many=True, context={"lang": request_lang()}).data)

    @extend_schema(
        tags=TAGS, request=OwnResourcingSerializer, responses={201: OwnResourcingSerializer, **ERRORS}
    )
    def post(self, request, number):
        area = self.get_kk_object()
        body = OwnResourcingSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        data = dict(body.validated_data)
        municipality = Municipality.objects.filter(code=data.pop("municipality")).first()
        try:
            if municipality is None:
                raise services.Refused("municipality", services.NOT_AREA_MUNICIPALITY)
            services.record_own_resourcing(
                request.user, area=area, municipality=municipality, today=clock.today(), **data
            )
        except services.Refused as exc:
            raise refused(exc, "own_resourcing_refused") from None
        return Response(OwnResourcingSerializer({**data, "municipality": municipality.code}).data, status=201)


class AreaPersonYears(AreaView):
    """GET: the state person-years placed under the trial area's municipal direction, by year. POST (the
    area's ELY centre): record a year's person-years."""

    kk_action = "funding.view_own_funding"
    method_actions = {"POST": "funding.record_person_years"}
    schema = MethodCatalogueSchema()

    @extend_schema(tags=TAGS, responses={200: PersonYearsSerializer(many=True), **ERRORS})
    def get(self, request, number):
        area = self.get_kk_object()
        return Response(PersonYearsSerializer(queries.person_years(area), many=True).data)

    @extend_schema(tags=TAGS, request=PersonYearsSerializer, responses={201: PersonYearsSerializer, **ERRORS})
    def post(self, request, number):
        area = self.get_kk_object()
        body = PersonYearsSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        try:
            row = services.record_person_years(
                request.user, area=area, today=clock.today(), **body.validated_data
            )
        except services.Refused as exc:
            raise refused(exc, "person_years_refused") from None
        return Response(PersonYearsSerializer(row).data, status=201)
