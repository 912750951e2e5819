"""A vacancy's presented job seekers through the API (R-SP-7): GET lists those the caller serves (logged);
POST presents job seekers today, each with a stored written consent valid today for the vacancy's employer,
all or nothing — a job seeker without one is refused (400) with the reason and nothing is written."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.access import audit
from kuntakokeilu.access.actions import can
from kuntakokeilu.access.models import Purpose
from kuntakokeilu.customers.models import Person
from kuntakokeilu.employers import services
from kuntakokeilu.employers.models import Presentation, Vacancy

from ..base import CatalogueView
from ..transfers.common import ERRORS, invalid
from .common import TAGS, refusal


class PresentationSerializer(serializers.ModelSerializer):
    person = serializers.UUIDField(source="person_id")
    consent = serializers.IntegerField(source="consent_id", help_text="The written consent that allowed it.")

    class Meta:
        model = Presentation
        fields = ["id", "person", "presented_on", "consent"]


class PresentRequestSerializer(serializers.Serializer):
    persons = serializers.ListField(
        child=serializers.UUIDField(), min_length=1, max_length=50, help_text="The job seekers' ids."
    )


class VacancyPresentations(CatalogueView):
    """GET: the job seekers presented for the vacancy whom the caller serves. POST: present job seekers
    (each checked for `employers.present` and a valid written consent)."""

    kk_action = "employers.view"
    not_found = ("vacancy_not_found", gettext_lazy("No such vacancy."))

    def get_kk_object(self) -> Vacancy:
        vacancy = (
            Vacancy.objects.select_related("employer", "municipality")
            .filter(pk=self.kwargs["vacancy_id"])
            .first()
        )
        if vacancy is None:
            raise self.object_not_found()
        return vacancy

    @extend_schema(tags=TAGS, responses={200: PresentationSerializer(many=True), **ERRORS})
    def get(self, request, vacancy_id):
        today = clock.today()
        with transaction.atomic():
            vacancy = self.get_kk_object()
            rows = [
                p
                for p in vacancy.presentations.select_related("person").order_by("-presented_on", "id")
                if can(request.user, "employers.view_offers", p.person, today)
            ]
            audit.record(
                request.user, [p.person for p in rows], "api:vacancy-presentations", Purpose.CUSTOMER_SERVICE
            )
            return Response(PresentationSerializer(rows, many=True).data)

    @extend_schema(
        tags=TAGS,
        request=PresentRequestSerializer,
        responses={201: PresentationSerializer(many=True), **ERRORS},
    )
    def post(self, request, vacancy_id):
        body = PresentRequestSerializer(data=request.data)
        if not body.is_valid():
            raise invalid(body.errors)
        ids = body.validated_data["persons"]
        persons = {p.pk: p for p in Person.objects.filter(pk__in=ids)}
        try:
            with transaction.atomic():
                vacancy = self.get_kk_object()
                if len(persons) != len(set(ids)):
                    raise services.Refused("persons", services.NOT_YOURS)
                rows = services.present(request.user, vacancy, [persons[i] for i in ids], today=clock.today())
                audit.record(
                    request.user,
                    [r.person for r in rows],
                    "api:vacancy-presentations",
                    Purpose.CUSTOMER_SERVICE,
                )
                data = PresentationSerializer(rows, many=True).data
        except services.Refused as refused:
            raise refusal(refused, "presentation_refused") from None
        return Response(data, status=201)
