"""A trial area's service points through the API (R-PREM-1, R-SP-3), so that a meeting recorded through
the API can name where it was held. Action `service_process.view_service_points`: the least privilege
that needs them — those who record meetings (case workers and approvers) in one of the area's
municipalities, and the area's manager (who edits them); no one else, not even the TE office. No
personal data: not logged."""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu.regions.models import TrialArea
from kuntakokeilu.service_process.models import Organisation, ServicePoint

from ..base import CatalogueView
from ..transfers.common import ERRORS
from .common import TAGS


class ServicePointSerializer(serializers.ModelSerializer):
    trial_area = serializers.IntegerField(source="trial_area.number")
    municipality = serializers.CharField(source="municipality.code")
    organisations = serializers.ListField(
        child=serializers.ChoiceField(choices=Organisation.values),
        help_text="The organisations whose staff work at the point.",
    )
    active = serializers.BooleanField(help_text="In use: only a point in use can be named for a meeting.")

    class Meta:
        model = ServicePoint
        fields = [
            "id",
            "trial_area",
            "municipality",
            "name_fi",
            "name_sv",
            "street_address",
            "postal_code",
            "opening_hours",
            "organisations",
            "active",
        ]


class TrialAreaServicePoints(CatalogueView):
    """The trial area's service points (in use first, then by name) for the area's staff."""

    kk_action = "service_process.view_service_points"
    not_found = ("trial_area_not_found", gettext_lazy("No such trial area."))

    def get_kk_object(self) -> TrialArea:
        area = TrialArea.objects.filter(number=self.kwargs["number"]).first()
        if area is None:
            raise self.object_not_found()
        return area

    @extend_schema(tags=TAGS, responses={200: ServicePointSerializer(many=True), **ERRORS})
    def get(self, request, number):
        area = self.get_kk_object()
        rows = area.service_points.select_related("trial_area", "municipality").order_by(
            "-active", "name_fi", "id"
        )
        return Response(ServicePointSerializer(rows, many=True).data)
