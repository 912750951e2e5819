"""Employers and their vacancies through the API (R-SP-7): the list the caller's grants cover (action
`employers.view`) and recording one (`employers.manage`, the business id checked with its check digit);
an employer's vacancies and recording one from the employer's assignment. No personal data: not logged."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.employers import queries, services
from kuntakokeilu.employers.models import Employer, Vacancy, VacancyStatus
from kuntakokeilu.regions.models import Municipality

from ..base import CatalogueView
from ..transfers.common import ERRORS, MethodCatalogueSchema, invalid
from .common import TAGS, PerMethodAction, refusal


class MunicipalityCodeField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        super().__init__(slug_field="code", queryset=Municipality.objects.all(), **kwargs)


class EmployerSerializer(serializers.ModelSerializer):
    municipality = MunicipalityCodeField(help_text="The municipality's code, e.g. 091.")
    business_id = serializers.CharField(
        max_length=20, help_text="Y-tunnus, e.g. 1234567-8 (check digit checked)."
    )

    class Meta:
        model = Employer
        fields = ["id", "business_id", "name", "municipality", "contact"]
        read_only_fields = ["id"]


class VacancySerializer(serializers.ModelSerializer):
    municipality = MunicipalityCodeField(help_text="The municipality's code, e.g. 091.")
    employer = serializers.IntegerField(source="employer_id", read_only=True)
    status = serializers.ChoiceField(choices=VacancyStatus.values, read_only=True)

    class Meta:
        model = Vacancy
        fields = [
            "id",
            "employer",
            "title",
            "municipality",
            "published_on",
            "apply_by",
            "assignment_date",
            "assignment_text",
            "status",
        ]
        read_only_fields = ["id"]


class EmployerList(PerMethodAction, CatalogueView):
    """GET: the employers of the municipalities the caller serves. POST: record an employer; a business id
    whose check digit does not match, one already recorded, or another municipality is refused (400)."""

    kk_action = "employers.view"
    method_actions = {"POST": "employers.manage"}
    schema = MethodCatalogueSchema()

    @extend_schema(tags=TAGS, responses={200: EmployerSerializer(many=True), **ERRORS})
    def get(self, request):
        rows = queries.employers_for(request.user, clock.today())
        return Response(EmployerSerializer(rows, many=True).data)

    @extend_schema(tags=TAGS, request=EmployerSerializer, responses={201: EmployerSerializer, **ERRORS})
    def post(self, request):
        body = EmployerSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        try:
            with transaction.atomic():
                employer = services.add_employer(request.user, today=clock.today(), **body.validated_data)
        except services.Refused as refused:
            raise refusal(refused, "employer_refused") from None
        return Response(EmployerSerializer(employer).data, status=201)


class EmployerVacancies(PerMethodAction, CatalogueView):
    """GET: the employer's vacancies. POST: record a vacancy from the employer's assignment (open)."""

    kk_action = "employers.view"
    method_actions = {"POST": "employers.manage"}
    schema = MethodCatalogueSchema()
    not_found = ("employer_not_found", gettext_lazy("No such employer."))

    def get_kk_object(self) -> Employer:
        employer = (
            Employer.objects.select_related("municipality").filter(pk=self.kwargs["employer_id"]).first()
        )
        if employer is None:
            raise self.object_not_found()
        return employer

    @extend_schema(tags=TAGS, responses={200: VacancySerializer(many=True), **ERRORS})
    def get(self, request, employer_id):
        employer = self.get_kk_object()
        return Response(VacancySerializer(employer.vacancies.select_related("municipality"), many=True).data)

    @extend_schema(tags=TAGS, request=VacancySerializer, responses={201: VacancySerializer, **ERRORS})
    def post(self, request, employer_id):
        body = VacancySerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        try:
            with transaction.atomic():
                vacancy = services.add_vacancy(
                    request.user, self.get_kk_object(), today=clock.today(), **body.validated_data
                )
        except services.Refused as refused:
            raise refusal(refused, "vacancy_refused") from None
        return Response(VacancySerializer(vacancy).data, status=201)
