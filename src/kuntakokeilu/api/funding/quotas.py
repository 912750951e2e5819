"""An ELY centre's quotas across the trial areas of its area, with the computation (R-RES-1)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.funding import queries, services
from kuntakokeilu.funding.models import Instrument, Method
from kuntakokeilu.funding.volumes import area_volumes
from kuntakokeilu.regions.models import ElyCentre

from ..base import CatalogueView
from ..transfers.common import ERRORS, MethodCatalogueSchema, invalid, request_lang
from .common import MAX_EUR, TAGS, YEAR_PARAMETER, MethodActions, refused, year_of


class QuotaSerializer(serializers.Serializer):
    trial_area = serializers.IntegerField(source="area.number")
    customers = serializers.IntegerField(source="volume", allow_null=True, help_text="The input: customers.")
    computed = serializers.IntegerField(source="quota.amount", help_text="Computed, whole euros.")
    adjusted = serializers.IntegerField(source="quota.adjusted_amount", allow_null=True)
    quota = serializers.IntegerField(source="quota.current", help_text="In force, whole euros.")
    reason = serializers.CharField(source="quota.reason")
    explanation = serializers.SerializerMethodField()

    def get_explanation(self, row) -> str:
        return row.explanation.render(self.context["lang"])


class ComputationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    method = serializers.ChoiceField(choices=Method.choices)
    volume_date = serializers.DateField(allow_null=True)
    total = serializers.IntegerField()
    inputs = serializers.DictField(child=serializers.IntegerField(), help_text="Trial area → customers.")
    result = serializers.DictField(child=serializers.IntegerField(), help_text="Trial area → euros computed.")
    computed_at = serializers.DateTimeField()


class InstrumentQuotasSerializer(serializers.Serializer):
    instrument = serializers.ChoiceField(choices=Instrument.choices)
    allocation = serializers.IntegerField(source="allocation.amount", allow_null=True, default=None)
    computation = ComputationSerializer(allow_null=True)
    quotas = QuotaSerializer(source="rows", many=True)
    sums_to_allocation = serializers.BooleanField(source="matches")


class ComputeSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    instrument = serializers.ChoiceField(choices=Instrument.choices)
    method = serializers.ChoiceField(choices=Method.choices)
    volume_date = serializers.DateField(required=False, allow_null=True, help_text="For by_volume.")
    amounts = serializers.DictField(
        child=serializers.IntegerField(min_value=0, max_value=MAX_EUR),
        required=False,
        help_text="For manual: trial area → euros.",
    )


class AdjustSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    instrument = serializers.ChoiceField(choices=Instrument.choices)
    amounts = serializers.DictField(
        child=serializers.IntegerField(min_value=0, max_value=MAX_EUR), help_text="Trial area → euros."
    )
    reason = serializers.CharField()


class ElyView(MethodActions, CatalogueView):
    not_found = ("ely_not_found", gettext_lazy("No such ELY centre."))

    def get_kk_object(self) -> ElyCentre:
        ely = ElyCentre.objects.filter(code=self.kwargs["ely_code"]).first()
        if ely is None:
            raise self.object_not_found()
        return ely


def _amounts(raw: dict) -> dict[int, int]:
    try:
        return {int(k): int(v) for k, v in raw.items()}
    except ValueError:
        raise invalid({"amounts": ["Trial area numbers as keys."]}) from None


class ElyQuotas(ElyView):
    """GET: per instrument the allocation, the computation in force (method, volume date, inputs, result)
    and each trial area's quota. POST (the ELY centre's officials): compute the quotas by customer volume
    on a date (the volumes counted by the system) or set them by hand; they must sum exactly to the
    allocation, otherwise 400 and nothing is saved."""

    kk_action = "funding.view_quotas"
    method_actions = {"POST": "funding.set_quotas"}
    schema = MethodCatalogueSchema()

    @extend_schema(
        tags=TAGS,
        parameters=[YEAR_PARAMETER],
        responses={200: InstrumentQuotasSerializer(many=True), **ERRORS},
    )
    def get(self, request, ely_code):
        ely = self.get_kk_object()
        items = queries.ely_quotas(ely, year_of(request))
        return Response(InstrumentQuotasSerializer(items, many=True, context={"lang": request_lang()}).data)

    @extend_schema(tags=TAGS, request=ComputeSerializer, responses={201: ComputationSerializer, **ERRORS})
    def post(self, request, ely_code):
        ely = self.get_kk_object()
        body = ComputeSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        data = body.validated_data
        on = data.get("volume_date")
        volumes = area_volumes(ely, on) if data["method"] == Method.BY_VOLUME and on is not None else None
        try:
            computation = services.compute_quotas(
                request.user,
                ely=ely,
                year=data["year"],
                instrument=data["instrument"],
                method=data["method"],
                volumes=volumes,
                volume_date=on,
                amounts=_amounts(data.get("amounts") or {}),
                today=clock.today(),
            )
        except services.Refused as exc:
            raise refused(exc, "quotas_refused") from None
        return Response(ComputationSerializer(computation).data, status=201)


class ElyQuotaAdjustments(ElyView):
    """POST (the ELY centre's officials): adjust the quotas in force with a reason — money moves between the
    trial areas, the sum stays the allocation's (otherwise 400, nothing changed)."""

    kk_action = "funding.set_quotas"
    method_actions: dict[str, str] = {}

    @extend_schema(tags=TAGS, request=AdjustSerializer, responses={200: InstrumentQuotasSerializer, **ERRORS})
    def post(self, request, ely_code):
        ely = self.get_kk_object()
        body = AdjustSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        data = body.validated_data
        try:
            services.adjust_quotas(
                request.user,
                ely=ely,
                year=data["year"],
                instrument=data["instrument"],
                amounts=_amounts(data["amounts"]),
                reason=data["reason"],
                today=clock.today(),
            )
        except services.Refused as exc:
            raise refused(exc, "adjustment_refused") from None
        item = next(i for i in queries.ely_quotas(ely, data["year"]) if i.instrument == data["instrument"])
        return Response(InstrumentQuotasSerializer(item, context={"lang": request_lang()}).data)
