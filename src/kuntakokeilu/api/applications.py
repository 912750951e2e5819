"""Applications for the pilot and their screening (R-APP-2, R-APP-3, R-APP-6) through the API.

An applicant sees only their own municipality's applications, an ELY official those whose lead is in their
area, the ministry all (the catalogue's `applications.view`). Screening answers with the rules console's
object of rule application-screening, so the API and the console agree; `POST /api/v1/screening/` screens a
posted array of applications together, exactly as `kuntakokeilu rules run application-screening` does.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access.actions import can
from kuntakokeilu.applications.messages import API_NOT_FOUND, API_SEND_ARRAY
from kuntakokeilu.applications.models import Application
from kuntakokeilu.applications.rules import NAME as SCREENING
from kuntakokeilu.applications.services import application_item, screen_round
from kuntakokeilu.rules.console import ConsoleError, run_items
from kuntakokeilu.rules.registry import get_rule

from .base import CatalogueView, ErrorSerializer
from .errors import ApiError
from .regions import CheckSerializer

TAGS = ["applications"]


class ScreeningResultSerializer(serializers.Serializer):
    eligible = serializers.BooleanField(help_text="No check failed.")
    population = serializers.IntegerField(
        help_text="Population of the (enlarged) area on the reference date."
    )
    ely_code = serializers.CharField()
    estimated_customers = serializers.IntegerField()
    customers_estimated_by_system = serializers.BooleanField()


class ScreeningOutcomeSerializer(serializers.Serializer):
    """The rules console's object for rule application-screening (docs/architecture.md)."""

    id = serializers.JSONField()
    rule = serializers.CharField()
    rule_version = serializers.CharField()
    on = serializers.DateField()
    result = ScreeningResultSerializer()
    status = serializers.CharField(help_text="The worst check: pass, warn or fail.")
    checks = CheckSerializer(many=True)


class ApplicationSerializer(serializers.Serializer):
    """An application as the rule reads it (the console's input object), with its round and status."""

    id = serializers.IntegerField()
    round = serializers.CharField()
    name = serializers.CharField()
    lead = serializers.CharField()
    municipalities = serializers.ListField(child=serializers.CharField())
    extends_area = serializers.IntegerField(allow_null=True)
    extension_consent = serializers.BooleanField(allow_null=True)
    estimated_customers = serializers.IntegerField(allow_null=True)
    own_resourcing = serializers.JSONField(allow_null=True)
    lms_expenditure_2018_eur = serializers.JSONField(allow_null=True)
    service_model = serializers.CharField(allow_blank=True)
    cooperation_structure = serializers.CharField(allow_blank=True)
    division_of_work = serializers.CharField(allow_blank=True)
    negotiations = serializers.JSONField()
    premises = serializers.CharField(allow_blank=True)
    justification = serializers.CharField(allow_blank=True)
    status = serializers.CharField(
        help_text="draft, submitted, supplement_requested, selected or not_selected."
    )


class ApplicationDetailSerializer(ApplicationSerializer):
    screening = ScreeningOutcomeSerializer(allow_null=True, help_text="Null while no municipality is named.")


def _queryset():
    return Application.objects.select_related("round", "lead", "extends_area").prefetch_related(
        "municipalities"
    )


def _row(application: Application) -> dict:
    return {**application_item(application), "status": application.status}


class ApplicationList(CatalogueView):
    """The applications the signed-in user may see, optionally of one round."""

    kk_action = "applications.view"

    @extend_schema(
        tags=TAGS,
        parameters=[OpenApiParameter("round", str, OpenApiParameter.QUERY, description="a round's code")],
        responses={200: ApplicationSerializer(many=True), 401: ErrorSerializer, 403: ErrorSerializer},
    )
    def get(self, request):
        today = clock.today()
        applications = _queryset()
        if request.query_params.get("round"):
            applications = applications.filter(round__code=request.query_params["round"])
        rows = [_row(a) for a in applications if can(request.user, "applications.view", a, today)]
        return Response(ApplicationSerializer(rows, many=True).data)


class ApplicationDetail(CatalogueView):
    """One application with its screening, the round's submitted applications screened together."""

    kk_action = "applications.view"
    not_found = ("application_not_found", API_NOT_FOUND)

    def get_kk_object(self):
        pk = self.kwargs["application_id"]
        application = _queryset().filter(pk=pk).first() if pk.isascii() and pk.isdigit() else None
        if application is None:
            raise self.object_not_found()
        return application

    @extend_schema(
        tags=TAGS,
        responses={200: ApplicationDetailSerializer, 403: ErrorSerializer, 404: ErrorSerializer},
    )
    def get(self, request, application_id: str):
        application = self.get_kk_object()
        screening = None
        if application.municipalities.exists():
            outcome = screen_round(application.round, clock.today(), include=application)[application.pk]
            screening = outcome.to_json(application.pk)
        return Response({**_row(application), "screening": screening})


class Screening(CatalogueView):
    """Screen a JSON array of applications together (the rules console's input and output)."""

    kk_action = "applications.view"

    @extend_schema(
        tags=TAGS,
        request={"application/json": {"type": "array", "items": {"type": "object"}}},
        responses={200: ScreeningOutcomeSerializer(many=True), 400: ErrorSerializer},
    )
    def post(self, request):
        if not isinstance(request.data, list):
            raise ApiError(400, "invalid", str(API_SEND_ARRAY))
        try:
            results = run_items(get_rule(SCREENING), request.data, clock.today())
        except ConsoleError as exc:
            raise ApiError(400, "invalid_application", str(exc)) from None
        return Response([outcome.to_json(item_id) for item_id, outcome in results])
