"""Reference data (R-REF-1, R-REF-2): municipalities as on a date and the 25 trial areas.

Each municipality's answer comes from the rule `municipality-on-date` — its pure `decide()` for the list,
the registered rule for one municipality — so the API and the rules console answer alike (R-APP-6).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from kuntakokeilu import clock
from kuntakokeilu.regions.models import LanguageStatus, Round
from kuntakokeilu.regions.queries import municipality_histories, trial_areas_with_members
from kuntakokeilu.regions.rules import NAME as MUNICIPALITY_ON_DATE
from kuntakokeilu.regions.rules import decide
from kuntakokeilu.rules.outcome import STATUSES
from kuntakokeilu.rules.parameters import default_store
from kuntakokeilu.rules.registry import get_rule
from kuntakokeilu.rules.schema import InputError, ValidationContext

from .base import ON_PARAMETER, CatalogueView, ErrorSerializer, on_date
from .errors import ApiError

TAGS = ["reference data"]


class MunicipalityOnDateSerializer(serializers.Serializer):
    kunta_code = serializers.CharField(help_text="Statistics Finland's 3-digit municipality code.")
    name_fi = serializers.CharField()
    name_sv = serializers.CharField()
    language_status = serializers.ChoiceField(choices=LanguageStatus.choices)
    ely_code = serializers.CharField(help_text="The ELY centre on the date (16 = Åland).")
    te_office_code = serializers.CharField(allow_null=True, help_text="The TE office; null on Åland.")
    maakunta_code = serializers.CharField()
    trial_area_no = serializers.IntegerField(
        allow_null=True, help_text="The trial area on the date; null outside the pilot or if none."
    )


class RuleResultSerializer(MunicipalityOnDateSerializer):
    """The result of rule municipality-on-date: the list's fields but the language status."""

    language_status = None


class ParameterUseSerializer(serializers.Serializer):
    name = serializers.CharField()
    value = serializers.JSONField()
    reference = serializers.CharField()


class TextsSerializer(serializers.Serializer):
    fi = serializers.CharField()
    sv = serializers.CharField()
    en = serializers.CharField()


class CheckSerializer(serializers.Serializer):
    code = serializers.CharField()
    status = serializers.ChoiceField(choices=STATUSES)
    found = serializers.JSONField(help_text="The figures the check looked at.")
    parameters = ParameterUseSerializer(many=True)
    text = TextsSerializer()


class MunicipalityOutcomeSerializer(serializers.Serializer):
    """The rules console's object for rule municipality-on-date (docs/architecture.md)."""

    id = serializers.CharField(help_text="The municipality code asked about.")
    rule = serializers.CharField()
    rule_version = serializers.CharField()
    on = serializers.DateField()
    result = RuleResultSerializer(allow_null=True, help_text="Null if the municipality does not exist then.")
    status = serializers.ChoiceField(choices=STATUSES, allow_null=True)
    checks = CheckSerializer(many=True)


class TrialAreaMemberSerializer(serializers.Serializer):
    kunta_code = serializers.CharField(source="municipality.code")
    name_fi = serializers.CharField(source="municipality.name_fi")
    name_sv = serializers.CharField(source="municipality.name_sv")
    joined_in_round = serializers.ChoiceField(choices=Round.choices)
    language_status = serializers.ChoiceField(
        source="municipality.language_status", choices=LanguageStatus.choices
    )


class TrialAreaSerializer(serializers.Serializer):
    number = serializers.IntegerField(help_text="The area's number in the Act 1269/2020 s. 3.")
    name_fi = serializers.CharField()
    name_sv = serializers.CharField()
    name_en = serializers.CharField()
    ely_code = serializers.CharField(source="ely.code")
    te_office_code = serializers.CharField(source="te_office.code")
    members = TrialAreaMemberSerializer(source="members.all", many=True)


class MunicipalityList(CatalogueView):
    """Every municipality that exists on the date, by code, with its areas on that date."""

    kk_action = "regions.view_reference"

    @extend_schema(
        tags=TAGS,
        parameters=[ON_PARAMETER],
        responses={200: MunicipalityOnDateSerializer(many=True), 400: ErrorSerializer},
    )
    def get(self, request):
        on = on_date(request)
        params = default_store()
        histories = sorted(municipality_histories().values(), key=lambda h: h.code)
        rows = [
            {**decide(h, on, params).result, "language_status": h.language_status}
            for h in histories
            if h.exists_on(on)
        ]
        return Response(MunicipalityOnDateSerializer(rows, many=True).data)


class MunicipalityDetail(CatalogueView):
    """One municipality on the date: the rules console's answer of rule municipality-on-date, with its
    checks explained in Finnish, Swedish and English. A municipality that no longer exists on the date
    (Honkajoki after 2020) is a failed check, not an error."""

    kk_action = "regions.view_reference"

    @extend_schema(
        tags=TAGS,
        parameters=[ON_PARAMETER],
        responses={200: MunicipalityOutcomeSerializer, 400: ErrorSerializer, 404: ErrorSerializer},
    )
    def get(self, request, code: str):
        rule = get_rule(MUNICIPALITY_ON_DATE)
        try:
            _id, _on, facts = rule.validate({"id": code, "kunta_code": code}, ValidationContext())
        except InputError:
            raise ApiError(
                404, "municipality_not_found", _("No municipality has the code %(code)s.") % {"code": code}
            ) from None
        return Response(rule.run(facts, on_date(request)).to_json(code))


class TrialAreaList(CatalogueView):
    """The 25 trial areas of the Act 1269/2020 in the Act's order, with their member municipalities."""

    kk_action = "regions.view_reference"

    @extend_schema(tags=TAGS, responses={200: TrialAreaSerializer(many=True)})
    def get(self, request):
        return Response(TrialAreaSerializer(trial_areas_with_members(clock.today()), many=True).data)


class TrialAreaDetail(CatalogueView):
    """One trial area with its member municipalities in the Act's order."""

    kk_action = "regions.view_reference"

    @extend_schema(
        tags=TAGS,
        parameters=[OpenApiParameter("number", OpenApiTypes.INT, OpenApiParameter.PATH)],
        responses={200: TrialAreaSerializer, 404: ErrorSerializer},
    )
    def get(self, request, number: str):
        known = number.isascii() and number.isdigit() and len(number) <= 3
        areas = trial_areas_with_members(clock.today(), [int(number)]) if known else []
        if not areas:
            raise ApiError(
                404, "trial_area_not_found", _("There is no trial area %(number)s.") % {"number": number}
            )
        return Response(TrialAreaSerializer(areas[0]).data)
