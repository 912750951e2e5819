"""The ministry's allocations to the ELY centres (R-RES-1)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access.actions import grants_for
from kuntakokeilu.funding import queries, services
from kuntakokeilu.funding.models import Instrument, MinistryAllocation
from kuntakokeilu.regions.models import ElyCentre

from ..base import CatalogueView
from ..transfers.common import ERRORS, MethodCatalogueSchema, invalid
from .common import MAX_EUR, TAGS, YEAR_PARAMETER, MethodActions, refused, year_of


class AllocationSerializer(serializers.ModelSerializer):
    ely = serializers.SlugRelatedField(
        slug_field="code", queryset=ElyCentre.objects.all(), help_text="ELY code."
    )
    instrument = serializers.ChoiceField(choices=Instrument.choices)
    amount = serializers.IntegerField(min_value=0, max_value=MAX_EUR, help_text="Whole euros.")

    class Meta:
        model = MinistryAllocation
        fields = ["year", "ely", "instrument", "amount", "decided_on", "reference"]


class Allocations(MethodActions, CatalogueView):
    """GET: the allocations of a year that the caller may see (the ministry all, an ELY official their
    own centre's). POST (the ministry): allocate, or replace the allocation of the same year, ELY centre
    and instrument."""

    kk_action = "funding.view_quotas"
    method_actions = {"POST": "funding.allocate"}
    schema = MethodCatalogueSchema()

    @extend_schema(
        tags=TAGS, parameters=[YEAR_PARAMETER], responses={200: AllocationSerializer(many=True), **ERRORS}
    )
    def get(self, request):
        year = year_of(request)
        grants = grants_for(request.user, "funding.view_quotas", clock.today())
        elys = None if any(g.everything for g in grants) else {c for g in grants for c in g.elys}
        return Response(AllocationSerializer(queries.allocations(year, elys), many=True).data)

    @extend_schema(tags=TAGS, request=AllocationSerializer, responses={201: AllocationSerializer, **ERRORS})
    def post(self, request):
        body = AllocationSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        try:
            row = services.allocate(request.user, today=clock.today(), **body.validated_data)
        except services.Refused as exc:
            raise refused(exc, "allocation_refused") from None
        return Response(AllocationSerializer(row).data, status=201)
